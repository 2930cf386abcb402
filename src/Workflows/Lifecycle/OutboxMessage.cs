using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// A side effect promised by a committed transition. It holds ids, a type and, for a message, the facts of its event
/// (<see cref="MessageFacts"/>: amounts, dates, what is missing, a reason), captured in the same transaction so the
/// message says what was true then; never names, dates of birth or record contents. A message goes at most once: the worker first claims the row (a
/// commit of its own), then sends, then marks it processed. A claim that never came back (the worker stopped
/// mid-send) is not sent again on its own: it becomes an incident, because nobody knows whether the message went. A
/// send that fails is retried after a pause and, after the last attempt, becomes an incident too. Staff retry or
/// dismiss incidents. Every change goes through a method and bumps <see cref="Revision"/>, the concurrency token, so
/// two workers holding the same row cannot both win.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    /// <summary>The facts of the event as JSON (<see cref="MessageFacts"/>); null for a document or an older row.</summary>
    public string? Facts { get; private set; }
    public Guid RequestId { get; private set; }
    public OutboxKind Kind { get; private set; }
    public string Type { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Done: sent, stored, skipped with a <see cref="Note"/>, or dismissed. Nothing picks the row up again.</summary>
    public DateTimeOffset? ProcessedAt { get; private set; }
    /// <summary>Attempts started (counted when claimed).</summary>
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>The attempt in progress; cleared when it fails, kept when it succeeds or is left unfinished.</summary>
    public Guid? ClaimId { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    /// <summary>After a failure: not before this instant.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }
    /// <summary>Why the row was done without being sent ("No e-mail address on file; not sent.").</summary>
    public string? Note { get; private set; }
    public DateTimeOffset? IncidentAt { get; private set; }
    public string? IncidentReason { get; private set; }
    public DateTimeOffset? DismissedAt { get; private set; }
    public string? DismissedBy { get; private set; }
    public string? DismissReason { get; private set; }
    public int Revision { get; private set; }

    /// <summary>Waiting for staff: retried and failed, or left unfinished.</summary>
    public bool HasOpenIncident => IncidentAt is not null && ProcessedAt is null;

    public bool CanClaim(DateTimeOffset now) =>
        ProcessedAt is null && ClaimId is null && IncidentAt is null && (NextAttemptAt is null || NextAttemptAt <= now);

    internal static OutboxMessage Create(Guid requestId, OutboxKind kind, string type, DateTimeOffset at, MessageFacts? facts = null) =>
        new() { Id = Guid.CreateVersion7(), RequestId = requestId, Kind = kind, Type = type, CreatedAt = at, Facts = facts?.ToJson() };

    /// <summary>The facts of the message's event, if captured.</summary>
    public MessageFacts? ReadFacts() => MessageFacts.FromJson(Facts);

    /// <summary>Starts an attempt; save it before doing anything outside the database.</summary>
    public Guid Claim(DateTimeOffset now)
    {
        if (!CanClaim(now)) throw new InvalidOperationException($"Outbox message {Id} cannot be claimed now.");
        ClaimId = Guid.NewGuid();
        ClaimedAt = now;
        NextAttemptAt = null;
        Attempts++;
        Revision++;
        return ClaimId.Value;
    }

    /// <summary>The claimed attempt finished: sent or stored (<paramref name="note"/> null), or nothing to send (why).</summary>
    /// <remarks>Also settles an incident raised because the attempt seemed lost: it did finish after all.</remarks>
    public void Complete(Guid claimId, DateTimeOffset now, string? note = null)
    {
        RequireClaim(claimId);
        ProcessedAt = now;
        Note = note;
        IncidentAt = null;
        IncidentReason = null;
        Revision++;
    }

    /// <summary>The claimed attempt failed before anything left: release the claim, and retry at
    /// <paramref name="retryAt"/> or, after <paramref name="maxAttempts"/>, raise an incident. True when it did.</summary>
    public bool Fail(Guid claimId, DateTimeOffset now, string error, int maxAttempts, DateTimeOffset retryAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        RequireClaim(claimId);
        ClaimId = null;
        ClaimedAt = null;
        LastError = error.Length <= 2000 ? error : error[..2000];
        Revision++;
        if (Attempts < maxAttempts)
        {
            // Known to have failed, so safe to try again, even if it was meanwhile taken for unfinished.
            NextAttemptAt = retryAt;
            IncidentAt = null;
            IncidentReason = null;
            return false;
        }

        IncidentAt = now;
        IncidentReason = $"Failed {Attempts} times. Last error: {LastError}";
        if (IncidentReason.Length > 2000) IncidentReason = IncidentReason[..2000];
        return true;
    }

    /// <summary>A claim older than the lease with no outcome: the worker stopped mid-send, and whether the message
    /// went is unknown, so it is not sent again on its own. The claim stays, so a late confirmation still counts.</summary>
    public void RaiseUnfinished(DateTimeOffset now)
    {
        if (ProcessedAt is not null || ClaimId is null || IncidentAt is not null)
            throw new InvalidOperationException($"Outbox message {Id} has no unfinished attempt.");
        IncidentAt = now;
        IncidentReason = "The attempt stopped before it finished (the worker stopped or lost the database): the message may or may "
            + "not have been sent. Check with the recipient, then retry or dismiss.";
        Revision++;
    }

    /// <summary>A claim older than the lease for work that leaves nothing behind unless it commits (a document):
    /// simply released for another try.</summary>
    public void ReleaseUnfinished(DateTimeOffset now, int maxAttempts)
    {
        if (ProcessedAt is not null || ClaimId is null || IncidentAt is not null)
            throw new InvalidOperationException($"Outbox message {Id} has no unfinished attempt.");
        Fail(ClaimId.Value, now, "The attempt stopped before it finished.", maxAttempts, now);
    }

    /// <summary>Staff ask for another attempt: the incident is cleared and the row is pending again.</summary>
    public void Retry()
    {
        if (!HasOpenIncident) throw new DomainException("This message has no open problem to retry.", "message");
        IncidentAt = null;
        IncidentReason = null;
        ClaimId = null;
        ClaimedAt = null;
        NextAttemptAt = null;
        Revision++;
    }

    /// <summary>Staff close an incident without sending (e.g. they called the requester instead).</summary>
    public void Dismiss(DateTimeOffset now, string by, string? reason)
    {
        if (!HasOpenIncident) throw new DomainException("This message has no open problem to dismiss.", "message");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Say why the message is dismissed.", "reason");
        ProcessedAt = now;
        DismissedAt = now;
        DismissedBy = by;
        DismissReason = reason.Trim().Length <= 500 ? reason.Trim() : reason.Trim()[..500];
        Revision++;
    }

    private void RequireClaim(Guid claimId)
    {
        if (ProcessedAt is not null || ClaimId != claimId)
            throw new InvalidOperationException($"Outbox message {Id} is not claimed by attempt {claimId}.");
    }
}
