using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Lifecycle;

/// <summary>Timers fire once when due (also late, after downtime) and do nothing once the request moved on.</summary>
public abstract class TimerTests : EngineTestsBase
{
    private async Task<Guid> HeldRequestAsync()
    {
        Harness.Rules.Decision = ReleaseDecisionKind.HoldForInformation;
        Harness.Rules.Missing = ["signature"];
        return (await Harness.StartAsync()).Id;
    }

    [Fact]
    public async Task Sweep_FiresNothing_BeforeTimersAreDue()
    {
        var id = await HeldRequestAsync();
        Harness.Time.Advance(TimeSpan.FromDays(13));

        (await Harness.SweepTimersAsync()).ShouldBe(0);

        (await Harness.OutboxAsync(id)).ShouldNotContain(o => o.Type == "MissingInformationReminder");
    }

    [Fact]
    public async Task Sweep_SendsTheMissingInformationReminder_OnDay14_Once()
    {
        var id = await HeldRequestAsync();
        Harness.Time.Advance(TimeSpan.FromDays(14));

        await Harness.SweepTimersAsync();
        await Harness.SweepTimersAsync();

        (await Harness.OutboxAsync(id)).Count(o => o.Type == "MissingInformationReminder").ShouldBe(1);
        (await Harness.JournalAsync(id)).Last().ShouldSatisfyAllConditions(
            j => j.Trigger.ShouldBe("Timer:MissingInformationReminder"), j => j.ToState.ShouldBe("NeedsInformation"));
        (await Harness.TimersAsync(id)).Single(t => t.Name == "MissingInformationReminder").Outcome.ShouldBe(TimerOutcome.Fired);
    }

    [Fact]
    public async Task Sweep_CancelsAnUnansweredRequest_OnDay30_EvenWhenTheAppWasDown()
    {
        var id = await HeldRequestAsync();
        Harness.Time.Advance(TimeSpan.FromDays(45)); // the sweep did not run for 45 days

        await Harness.SweepTimersAsync();

        var stored = await Harness.LoadAsync(id);
        stored.State.ShouldBe("Cancelled");
        stored.CancellationReason.ShouldBe("No answer to the request for information within 30 days.");
        (await Harness.JournalAsync(id)).Single(j => j.Trigger == "Cancel").ActorId.ShouldBe("system");
        (await Harness.OutboxAsync(id)).ShouldContain(o => o.Type == "Cancelled");
        (await Harness.TimersAsync(id)).ShouldAllBe(t => t.CompletedAt != null);
    }

    [Fact]
    public async Task Sweep_DoesNothing_ForATimerWhoseRequestMovedOn()
    {
        var id = await HeldRequestAsync();
        Harness.Rules.Decision = ReleaseDecisionKind.Release;
        await Harness.FireAsync(id, "InformationReceived", Staff.Clerk);
        Harness.Time.Advance(TimeSpan.FromDays(31));

        await Harness.SweepTimersAsync();

        (await Harness.LoadAsync(id)).State.ShouldBe("Received");
        (await Harness.OutboxAsync(id)).ShouldNotContain(o => o.Type == "MissingInformationReminder");
        (await Harness.TimersAsync(id)).Where(t => t.Name.StartsWith("MissingInformation", StringComparison.Ordinal))
            .ShouldAllBe(t => t.Outcome == TimerOutcome.Retired);
    }

    [Fact]
    public async Task Sweep_IgnoresAStaleTimer_FromAnEarlierVisitToTheSameState()
    {
        var id = await HeldRequestAsync();
        // Back to Received and held again at once: the first visit's timers must not fire in the second.
        await Harness.FireAsync(id, "InformationReceived", Staff.Clerk);
        (await Harness.LoadAsync(id)).State.ShouldBe("NeedsInformation");
        Harness.Time.Advance(TimeSpan.FromDays(14));

        await Harness.SweepTimersAsync();

        (await Harness.OutboxAsync(id)).Count(o => o.Type == "MissingInformationReminder").ShouldBe(1);
    }

    [Fact]
    public async Task Engine_FiresATimerItIsGiven_InTheTransactionOfWhatTheTimerDoes()
    {
        var id = await HeldRequestAsync();
        Harness.Time.Advance(TimeSpan.FromDays(14));
        var reminder = (await Harness.TimersAsync(id)).Single(t => t.Name == "MissingInformationReminder");

        var outcome = await Harness.InScopeAsync(sp => sp.GetRequiredService<LifecycleEngine>().FireTimerAsync(reminder));

        outcome.ShouldBe(TimerOutcome.Fired);
        (await Harness.TimersAsync(id)).Single(t => t.Id == reminder.Id).Outcome.ShouldBe(TimerOutcome.Fired);
        (await Harness.OutboxAsync(id)).Count(o => o.Type == "MissingInformationReminder").ShouldBe(1);
        (await Harness.JournalAsync(id)).Last().Trigger.ShouldBe("Timer:MissingInformationReminder");
    }

    [Fact]
    public async Task Sweep_WarnsStaffOnDays20And25_AndWhenOverdue()
    {
        var id = (await Harness.StartAsync()).Id;

        Harness.Time.Advance(TimeSpan.FromDays(20));
        await Harness.SweepTimersAsync();
        (await Harness.OutboxAsync(id)).Count(o => o.Type == "DueWarning" && o.Kind == OutboxKind.StaffMessage).ShouldBe(1);
        Harness.Time.Advance(TimeSpan.FromDays(12));
        await Harness.SweepTimersAsync();

        var outbox = await Harness.OutboxAsync(id);
        outbox.Count(o => o.Type == "DueWarning").ShouldBe(2);
        outbox.Count(o => o.Type == "Overdue").ShouldBe(1);
    }

    [Fact]
    public async Task Sweep_ExpiresAnUndownloadedPortalLink_BackToReadyForRelease()
    {
        Harness.Rules.PricePerPage = 0m;
        var request = await Harness.StartAsync(new RequestDraftBuilder().DeliveredBy(DeliveryMethod.Portal).Build());
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, TriggerArgs.Of(("identityChecked", "true")));
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("electronic", "5")));
        await Harness.AttachAsync(request.Id, DocumentKind.ReleasePackage);
        await Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk);
        await Harness.FireAsync(request.Id, "Approve", Staff.SecondClerk);
        await Harness.FireAsync(request.Id, "PublishToPortal", Staff.Clerk);
        Harness.Time.Advance(TimeSpan.FromDays(30));

        await Harness.SweepTimersAsync();

        (await Harness.LoadAsync(request.Id)).State.ShouldBe("ReadyForRelease");
        (await Harness.OutboxAsync(request.Id)).ShouldContain(o => o.Type == "PortalLinkExpired" && o.Kind == OutboxKind.StaffMessage);
    }

    [Fact]
    public async Task PickupFollowUp_CountsBusinessDays()
    {
        Harness.Rules.PricePerPage = 0m;
        // Start on a Thursday so two business days end on Monday.
        Harness.Time.SetUtcNow(new DateTimeOffset(2026, 3, 5, 15, 0, 0, TimeSpan.Zero));
        var request = await Harness.StartAsync(new RequestDraftBuilder().DeliveredBy(DeliveryMethod.Pickup).Build(), new DateOnly(2026, 3, 5));
        await Harness.FireAsync(request.Id, "Verify", Staff.Clerk, TriggerArgs.Of(("identityChecked", "true")));
        await Harness.FireAsync(request.Id, "StartFulfillment", Staff.Clerk);
        await Harness.FireAsync(request.Id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("paper", "5")));
        await Harness.FireAsync(request.Id, "SubmitForReview", Staff.Clerk);
        await Harness.FireAsync(request.Id, "Approve", Staff.SecondClerk);

        var followUp = (await Harness.TimersAsync(request.Id)).Single(t => t.Name == "PickupFollowUp");

        followUp.DueAt.ShouldBe(new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero));
    }
}
