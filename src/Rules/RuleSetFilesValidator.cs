using BackOffice.Workflows.RuleSets;

namespace BackOffice.Rules;

/// <summary>
/// The rule-set store's check before it saves or publishes a version: the same compile as at load
/// (JSON, schemas, names, every expression), then the version's saved test cases.
/// </summary>
public sealed class RuleSetFilesValidator : IRuleSetValidator
{
    public IReadOnlyList<RuleSetProblem> Validate(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        // The version number only keys the compiled-rules cache, which a check never fills.
        var compilation = RuleSetCompiler.Compile(new RuleSet(RuleSet.ShippedVersion, files));
        var problems = compilation.Errors.Select(e => new RuleSetProblem(e.Document, e.Rule,
            string.IsNullOrEmpty(e.Position) ? e.Message : $"at {e.Position}: {e.Message}")).ToList();
        if (compilation.Succeeded)
        {
            problems.AddRange(RuleSetTestCases.Run(compilation.RuleSet!, files[RuleSet.TestCasesDocument])
                .Where(result => !result.Passed)
                .Select(result => new RuleSetProblem(RuleSet.TestCasesDocument, null,
                    $"test case '{result.Name}' fails: {string.Join("; ", result.Differences)}")));
        }

        return problems;
    }
}
