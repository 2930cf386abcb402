using BackOffice.Workflows.RuleSets;

namespace BackOffice.Rules;

/// <summary>
/// The rule-set store's check before it saves or publishes a version: the same compile as at load
/// (JSON, schemas, names, every expression). Files that are not rule documents are left alone.
/// </summary>
public sealed class RuleSetFilesValidator : IRuleSetValidator
{
    public IReadOnlyList<RuleSetProblem> Validate(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        // The version number only keys the compiled-rules cache, which a check never fills.
        var errors = RuleSetCompiler.Compile(new RuleSet(RuleSet.ShippedVersion, files)).Errors;
        return [.. errors.Select(e => new RuleSetProblem(e.Document, e.Rule,
            string.IsNullOrEmpty(e.Position) ? e.Message : $"at {e.Position}: {e.Message}"))];
    }
}
