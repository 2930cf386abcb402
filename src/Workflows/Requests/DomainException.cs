namespace BackOffice.Workflows.Requests;

/// <summary>A business rule refused the change; the message is written for the person who asked for it.</summary>
public sealed class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, string field) : base(message) => Field = field;

    public DomainException() { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The input field the message belongs next to, when there is one.</summary>
    public string? Field { get; }
}
