namespace BackOffice.Rules;

/// <summary>
/// A problem in a rule set, named so an editor can find it: the document, the rule (when the problem
/// is inside one) and the position (a JSON pointer such as <c>/Rules/3/Expression</c>, or a line and column).
/// </summary>
public sealed record RuleError(string Document, string? Rule, string Position, string Message)
{
    public override string ToString()
    {
        var where = Rule is null ? Document : $"{Document}, rule {Rule}";
        return string.IsNullOrEmpty(Position) ? $"{where}: {Message}" : $"{where} at {Position}: {Message}";
    }
}

/// <summary>A rule set could not be compiled or a rule failed while evaluating; nothing was decided.</summary>
public sealed class RuleSetException : Exception
{
    public RuleSetException(IReadOnlyList<RuleError> errors)
        : base("The rules could not be applied: " + string.Join(" | ", errors)) => Errors = errors;

    public RuleSetException() : this([]) { }

    public RuleSetException(string message) : base(message) => Errors = [];

    public RuleSetException(string message, Exception innerException) : base(message, innerException) => Errors = [];

    public IReadOnlyList<RuleError> Errors { get; }
}
