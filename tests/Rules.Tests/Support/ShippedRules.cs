using BackOffice.Rules;

namespace BackOffice.Rules.Tests.Support;

/// <summary>The rule files as shipped (copied beside the test assembly from the repository's rules/), compiled once.</summary>
public static class ShippedRules
{
    private static readonly Lazy<CompiledRuleSet> Compiled = new(() => RuleSetCompiler.Compile(Load()).GetOrThrow());

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "rules");

    public static CompiledRuleSet RuleSet => Compiled.Value;

    public static RuleSet Load() => BackOffice.Rules.RuleSet.FromDirectory(Directory);

    public static string Text(string document) => File.ReadAllText(Path.Combine(Directory, document));
}
