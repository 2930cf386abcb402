using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Lifecycle;

/// <summary>All-or-nothing transitions and conflicts between clerks, against a real database.</summary>
public abstract class EngineReliabilityTests : EngineTestsBase
{
    private async Task<(string State, int Journal, int Outbox, int Timers, int Version)> SnapshotAsync(Guid id)
    {
        var request = await Harness.LoadAsync(id);
        return (request.State, (await Harness.JournalAsync(id)).Count, (await Harness.OutboxAsync(id)).Count,
            (await Harness.TimersAsync(id)).Count(t => t.CompletedAt == null), request.Version);
    }

    [Fact]
    public async Task Fire_LeavesEverythingUnchanged_WhenTheDatabaseFailsMidTransition()
    {
        Harness.Rules.Decision = ReleaseDecisionKind.HoldForInformation;
        Harness.Rules.Missing = ["signature"];
        var request = await Harness.StartAsync();
        var before = await SnapshotAsync(request.Id);
        Harness.Rules.Decision = ReleaseDecisionKind.Release;

        // InformationReceived first retires the NeedsInformation timers (a statement of its own), then
        // saves the request, journal, outbox and new timers; the journal insert fails part-way.
        Harness.Faults.FailOnCommandContaining = "INSERT INTO \"Journal\"";
        await Should.ThrowAsync<DbUpdateException>(() => Harness.FireAsync(request.Id, "InformationReceived", Staff.Clerk));
        Harness.Faults.FailOnCommandContaining = null;

        (await SnapshotAsync(request.Id)).ShouldBe(before);
        (await Harness.LoadAsync(request.Id)).Decision.ShouldBe(ReleaseDecisionKind.HoldForInformation);
    }

    [Fact]
    public async Task Fire_LeavesEverythingUnchanged_WhenAnActivityFails()
    {
        var request = await Harness.StartAsync();
        var before = await SnapshotAsync(request.Id);
        Harness.Rules.Throw = true;

        await Should.ThrowAsync<InvalidOperationException>(() => Harness.FireAsync(request.Id, "Reevaluate", Staff.Clerk));

        (await SnapshotAsync(request.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Start_WritesNothing_WhenTheDatabaseFails()
    {
        Harness.Faults.FailOnCommandContaining = "INSERT INTO \"Outbox\"";

        await Should.ThrowAsync<DbUpdateException>(() => Harness.StartAsync());
        Harness.Faults.FailOnCommandContaining = null;

        var counts = await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            return (Requests: db.Requests.Count(), Journal: db.Journal.Count(), Timers: db.Timers.Count());
        });
        counts.ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Fire_FailsWithConflict_WhenTheRequestChangedSinceItWasShown()
    {
        var request = await Harness.StartAsync();
        var shownVersion = (await Harness.LoadAsync(request.Id)).Version;
        await Harness.FireAsync(request.Id, "Assign", Staff.SecondClerk, TriggerArgs.Of(("assignee", "clerk-2")), shownVersion);

        await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            Harness.FireAsync(request.Id, "Assign", Staff.Clerk, TriggerArgs.Of(("assignee", "clerk-1")), shownVersion));

        (await Harness.LoadAsync(request.Id)).AssigneeId.ShouldBe("clerk-2");
    }

    [Fact]
    public async Task Fire_FailsWithConflict_WhenTwoClerksSaveAtOnce_AndNoUpdateIsLost()
    {
        var request = await Harness.StartAsync();

        await using var first = Harness.Services.CreateAsyncScope();
        await using var second = Harness.Services.CreateAsyncScope();
        var firstEngine = first.ServiceProvider.GetRequiredService<LifecycleEngine>();
        var secondEngine = second.ServiceProvider.GetRequiredService<LifecycleEngine>();
        var firstCopy = await first.ServiceProvider.GetRequiredService<BackOfficeDbContext>().Requests.FindAsync(request.Id);
        var secondCopy = await second.ServiceProvider.GetRequiredService<BackOfficeDbContext>().Requests.FindAsync(request.Id);

        await firstEngine.FireAsync(firstCopy!, "Verify", Staff.Clerk, TriggerArgs.Of(("identityChecked", "true")));
        await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            secondEngine.FireAsync(secondCopy!, "Cancel", Staff.SecondClerk, TriggerArgs.Of(("reason", "duplicate"))));

        var stored = await Harness.LoadAsync(request.Id);
        stored.State.ShouldBe("Verified");
        (await Harness.JournalAsync(request.Id)).Select(j => j.Trigger).ShouldBe(["Submit", "Verify"]);
    }

    [Fact]
    public async Task Fire_TheLaterOfTwoClerksSavingAtOnce_IsStoppedByTheVersion_BeforeItWritesItsJournal()
    {
        var request = await Harness.StartAsync();
        await using var first = Harness.Services.CreateAsyncScope();
        await using var second = Harness.Services.CreateAsyncScope();
        var firstCopy = await first.ServiceProvider.GetRequiredService<BackOfficeDbContext>().Requests.FindAsync(request.Id);
        var secondCopy = await second.ServiceProvider.GetRequiredService<BackOfficeDbContext>().Requests.FindAsync(request.Id);
        await first.ServiceProvider.GetRequiredService<LifecycleEngine>().FireAsync(firstCopy!, "Verify", Staff.Clerk,
            TriggerArgs.Of(("identityChecked", "true")));

        // Two nodes racing: the loser's journal insert used to trip the journal's unique index before its version was
        // checked, which EF Core logs as a database error. The request's row is now taken first, at the version read.
        Harness.Faults.Executed.Clear();
        await Should.ThrowAsync<ConcurrencyConflictException>(() => second.ServiceProvider.GetRequiredService<LifecycleEngine>()
            .FireAsync(secondCopy!, "Cancel", Staff.SecondClerk, TriggerArgs.Of(("reason", "duplicate"))));

        Harness.Faults.Executed.ShouldNotContain(sql => sql.Contains("INSERT INTO \"Journal\"", StringComparison.Ordinal));
        (await Harness.LoadAsync(request.Id)).State.ShouldBe("Verified");
    }
}
