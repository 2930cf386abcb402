namespace BackOffice.Workflows.Requests;

/// <summary>The draft failed validation; each error names the field it belongs next to.</summary>
public sealed class InvalidDraftException : Exception
{
    public InvalidDraftException(IReadOnlyList<FieldError> errors)
        : base("The request is not complete: " + string.Join(" ", errors.Select(e => e.Message))) => Errors = errors;

    public InvalidDraftException() : this([]) { }

    public InvalidDraftException(string message) : base(message) => Errors = [];

    public InvalidDraftException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    public IReadOnlyList<FieldError> Errors { get; }
}
