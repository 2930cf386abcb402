namespace BackOffice.Workflows.RuleSets;

/// <summary>Checks a whole rule set (schema, compilation, its test cases); the Rules project implements it.</summary>
public interface IRuleSetValidator
{
    IReadOnlyList<RuleSetProblem> Validate(IReadOnlyDictionary<string, string> files);
}
