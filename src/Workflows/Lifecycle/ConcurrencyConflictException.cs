namespace BackOffice.Workflows.Lifecycle;

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
