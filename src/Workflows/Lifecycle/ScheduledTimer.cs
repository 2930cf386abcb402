namespace BackOffice.Workflows.Lifecycle;

/// <summary>A planned timer; the sweep fires it once when due, or retires it when it no longer applies.</summary>
public sealed class ScheduledTimer
{
    private ScheduledTimer() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Name { get; private set; } = "";
    public TimerAnchor Anchor { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>For a state timer, the state visit it belongs to; null for request timers.</summary>
    public int? StateSequence { get; private set; }
    public string? Trigger { get; private set; }
    public string? Activity { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public TimerOutcome? Outcome { get; private set; }

    internal static ScheduledTimer Plan(Guid requestId, TimerDefinition definition, DateTimeOffset dueAt, int? stateSequence) => new()
    {
        Id = Guid.CreateVersion7(),
        RequestId = requestId,
        Name = definition.Name,
        Anchor = definition.Anchor,
        DueAt = dueAt,
        StateSequence = stateSequence,
        Trigger = definition.Trigger,
        Activity = definition.Activity,
        Comment = definition.Comment,
    };

    internal void Complete(TimerOutcome outcome, DateTimeOffset at)
    {
        Outcome = outcome;
        CompletedAt = at;
    }
}
