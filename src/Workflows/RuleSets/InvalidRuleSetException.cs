namespace BackOffice.Workflows.RuleSets;

/// <summary>A draft cannot be published while it has problems; each is listed.</summary>
public sealed class InvalidRuleSetException(int version, IReadOnlyList<RuleSetProblem> problems)
    : Exception($"Version {version} cannot be published: " + string.Join("; ", problems))
{
    public IReadOnlyList<RuleSetProblem> Problems { get; } = problems;
}
