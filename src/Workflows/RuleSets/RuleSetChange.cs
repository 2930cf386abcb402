namespace BackOffice.Workflows.RuleSets;

/// <summary>Who changed the rules, when, and what (RulesAdmin actions are audited here).</summary>
public sealed class RuleSetChange
{
    private RuleSetChange() { }

    public long Id { get; private set; }
    public int Version { get; private set; }
    public string Action { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Details { get; private set; }

    public static RuleSetChange Record(int version, string action, string by, DateTimeOffset at, string? details = null) =>
        new() { Version = version, Action = action, By = by, At = at, Details = details };
}
