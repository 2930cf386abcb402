using System.Collections.Concurrent;

namespace BackOffice.Rules;

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
