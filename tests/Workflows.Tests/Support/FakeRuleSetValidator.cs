using BackOffice.Workflows.RuleSets;

namespace BackOffice.Workflows.Tests.Support;

/// <summary>Finds a problem in any file whose text contains "broken", so store tests choose validity.</summary>
public sealed class FakeRuleSetValidator : IRuleSetValidator
{
    public IReadOnlyList<RuleSetProblem> Validate(IReadOnlyDictionary<string, string> files) => files
        .Where(f => f.Value.Contains("broken", StringComparison.Ordinal))
        .Select(f => new RuleSetProblem(f.Key, "SomeRule", "does not compile"))
        .ToList();
}
