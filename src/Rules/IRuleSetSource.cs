namespace BackOffice.Rules;

/// <summary>Where the rule set in force comes from (the shipped files, or published versions in a store).</summary>
public interface IRuleSetSource
{
    RuleSet Current { get; }
}
