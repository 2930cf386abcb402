using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Tests.Lifecycle;

/// <summary>The outbox row's own rules: one attempt at a time, failures paused then handed to staff, staff decisions.</summary>
public sealed class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static OutboxMessage NewMessage(OutboxKind kind = OutboxKind.RequesterMessage) =>
        OutboxMessage.Create(Guid.NewGuid(), kind, "Received", Now);

    [Fact]
    public void Claim_CountsTheAttempt_AndAllowsNoSecondClaim()
    {
        var message = NewMessage();

        var claim = message.Claim(Now);

        message.Attempts.ShouldBe(1);
        message.ClaimId.ShouldBe(claim);
        message.CanClaim(Now.AddHours(1)).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => message.Claim(Now));
    }

    [Fact]
    public void Complete_NeedsTheSameClaim_AndEndsTheRow()
    {
        var message = NewMessage();
        var claim = message.Claim(Now);

        Should.Throw<InvalidOperationException>(() => message.Complete(Guid.NewGuid(), Now));
        message.Complete(claim, Now.AddSeconds(1), "No e-mail address on file; not sent.");

        message.ProcessedAt.ShouldBe(Now.AddSeconds(1));
        message.Note.ShouldBe("No e-mail address on file; not sent.");
        message.CanClaim(Now.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void Fail_PausesUntilTheRetryTime_ThenRaisesAnIncidentAtTheLastAttempt()
    {
        var message = NewMessage();

        message.Fail(message.Claim(Now), Now, "SMTP down", maxAttempts: 2, retryAt: Now.AddMinutes(1)).ShouldBeFalse();
        message.CanClaim(Now).ShouldBeFalse();
        message.CanClaim(Now.AddMinutes(1)).ShouldBeTrue();
        var incident = message.Fail(message.Claim(Now.AddMinutes(1)), Now.AddMinutes(1), "SMTP down", maxAttempts: 2, retryAt: Now.AddMinutes(3));

        incident.ShouldBeTrue();
        message.HasOpenIncident.ShouldBeTrue();
        message.IncidentReason.ShouldBe("Failed 2 times. Last error: SMTP down");
        message.CanClaim(Now.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void AnUnfinishedAttempt_BecomesAnIncident_ButALateConfirmationStillCounts()
    {
        var message = NewMessage();
        var claim = message.Claim(Now);

        message.RaiseUnfinished(Now.AddMinutes(11));
        message.HasOpenIncident.ShouldBeTrue();
        message.Complete(claim, Now.AddMinutes(12));

        message.HasOpenIncident.ShouldBeFalse();
        message.ProcessedAt.ShouldBe(Now.AddMinutes(12));
    }

    [Fact]
    public void AnUnfinishedDocument_IsReleasedForAnotherTry()
    {
        var message = NewMessage(OutboxKind.Document);
        message.Claim(Now);

        message.ReleaseUnfinished(Now.AddMinutes(11), maxAttempts: 5);

        message.HasOpenIncident.ShouldBeFalse();
        message.CanClaim(Now.AddMinutes(11)).ShouldBeTrue();
    }

    [Fact]
    public void Retry_ReopensAnIncident_AndDismiss_NeedsAReason()
    {
        var message = NewMessage();
        Should.Throw<DomainException>(() => message.Retry());
        message.Fail(message.Claim(Now), Now, "SMTP down", maxAttempts: 1, retryAt: Now);

        message.Retry();
        message.CanClaim(Now).ShouldBeTrue();
        message.Fail(message.Claim(Now), Now, "SMTP down", maxAttempts: 1, retryAt: Now).ShouldBeTrue("a retried message that fails again goes back to staff");
        Should.Throw<DomainException>(() => message.Dismiss(Now, "Demo Clerk", "  ")).Field.ShouldBe("reason");
        message.Dismiss(Now, "Demo Clerk", " Called the patient ");

        message.ProcessedAt.ShouldBe(Now);
        message.DismissedBy.ShouldBe("Demo Clerk");
        message.DismissReason.ShouldBe("Called the patient");
        message.HasOpenIncident.ShouldBeFalse();
    }
}
