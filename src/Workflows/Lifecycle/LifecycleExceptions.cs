namespace BackOffice.Workflows.Lifecycle;

/// <summary>The action is not possible now; <see cref="Reasons"/> says why, in words for a clerk.</summary>
public sealed class TransitionRefusedException : Exception
{
    public TransitionRefusedException(string trigger, string state, IReadOnlyList<string> reasons)
        : base($"'{trigger}' is not possible in state {state}: {string.Join("; ", reasons)}.")
    {
        Trigger = trigger;
        State = state;
        Reasons = reasons;
    }

    public TransitionRefusedException() : this("", "", []) { }

    public TransitionRefusedException(string message) : base(message) => Reasons = [];

    public TransitionRefusedException(string message, Exception innerException) : base(message, innerException) => Reasons = [];

    public string Trigger { get; } = "";
    public string State { get; } = "";
    public IReadOnlyList<string> Reasons { get; } = [];
}

/// <summary>Someone else changed the request since it was read; reload and try again.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(Guid requestId, Exception? inner = null)
        : base("Another person changed this request while you were working on it. Reload it to see their change, then try again.", inner)
        => RequestId = requestId;

    public ConcurrencyConflictException() : base("The request was changed by someone else.") { }

    public ConcurrencyConflictException(string message) : base(message) { }

    public ConcurrencyConflictException(string message, Exception innerException) : base(message, innerException) { }

    public Guid RequestId { get; }
}

public sealed class RequestNotFoundException : Exception
{
    public RequestNotFoundException(Guid requestId) : base($"Request {requestId} does not exist.") => RequestId = requestId;

    public RequestNotFoundException() { }

    public RequestNotFoundException(string message) : base(message) { }

    public RequestNotFoundException(string message, Exception innerException) : base(message, innerException) { }

    public Guid RequestId { get; }
}

/// <summary>An action as a screen shows it: possible or not, and if not, why.</summary>
public sealed record ActionAvailability(string Trigger, string Label, bool Permitted, IReadOnlyList<string> Reasons);

public sealed record FireResult(string FromState, string ToState, int Version, IReadOnlyList<JournalEntry> Journal);
