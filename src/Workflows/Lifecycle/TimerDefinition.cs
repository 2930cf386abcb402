namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// A timer: after a delay from its anchor it fires a trigger or runs an activity (a reminder). State timers
/// are void once the request leaves the state; request timers run until the request closes.
/// </summary>
public sealed record TimerDefinition
{
    public required string Name { get; init; }
    public TimerAnchor Anchor { get; init; } = TimerAnchor.StateEntered;
    public int AfterDays { get; init; }
    public int AfterBusinessDays { get; init; }
    public string? Trigger { get; init; }
    /// <summary>An activity reference run when the timer fires, e.g. "Notify:PaymentReminder".</summary>
    public string? Activity { get; init; }
    public string? Comment { get; init; }
}
