namespace BackOffice.Workflows.Lifecycle;

public sealed class LifecycleDefinitionException : Exception
{
    public LifecycleDefinitionException(string source, IReadOnlyList<string> problems)
        : base($"Lifecycle definition {source} is not valid: " + string.Join("; ", problems))
    {
        DefinitionSource = source;
        Problems = problems;
    }

    public LifecycleDefinitionException() : this("(unknown)", []) { }

    public LifecycleDefinitionException(string message) : base(message) => Problems = [];

    public LifecycleDefinitionException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    public string? DefinitionSource { get; }

    public IReadOnlyList<string> Problems { get; } = [];
}
