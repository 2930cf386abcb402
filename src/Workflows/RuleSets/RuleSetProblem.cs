namespace BackOffice.Workflows.RuleSets;

/// <summary>A problem found in a rule set: the file, the rule when known, and what is wrong.</summary>
public sealed record RuleSetProblem(string File, string? Rule, string Message)
{
    public override string ToString() => Rule is null ? $"{File}: {Message}" : $"{File}, rule '{Rule}': {Message}";
}
