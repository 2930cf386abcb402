using System.Collections.Concurrent;

namespace BackOffice.Rules;

/// <summary>Where the rule set in force comes from (the shipped files, or published versions in a store).</summary>
public interface IRuleSetSource
{
    RuleSet Current { get; }
}

/// <summary>The rule files in a folder, read once; by default the shipped <c>rules/</c> as version 1.</summary>
public sealed class DirectoryRuleSetSource(string directory, int version = RuleSet.ShippedVersion) : IRuleSetSource
{
    private readonly Lazy<RuleSet> _ruleSet = new(() => RuleSet.FromDirectory(directory, version));

    public RuleSet Current => _ruleSet.Value;
}

/// <summary>
/// Compiles each rule-set version once and keeps it: RulesEngine caches compiled rules per engine, so
/// one engine per version is what makes evaluation cheap. A version that fails to compile keeps failing
/// with the same errors, since a published version never changes.
/// </summary>
public sealed class RuleSetCache
{
    private readonly ConcurrentDictionary<int, Lazy<CompiledRuleSet>> _compiled = new();

    public CompiledRuleSet Get(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return _compiled.GetOrAdd(ruleSet.Version,
            _ => new Lazy<CompiledRuleSet>(() => RuleSetCompiler.Compile(ruleSet).GetOrThrow())).Value;
    }
}
