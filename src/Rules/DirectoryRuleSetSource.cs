namespace BackOffice.Rules;

/// <summary>The rule files in a folder, read once; by default the shipped <c>rules/</c> as version 1.</summary>
public sealed class DirectoryRuleSetSource(string directory, int version = RuleSet.ShippedVersion) : IRuleSetSource
{
    private readonly Lazy<RuleSet> _ruleSet = new(() => RuleSet.FromDirectory(directory, version));

    public RuleSet Current => _ruleSet.Value;
}
