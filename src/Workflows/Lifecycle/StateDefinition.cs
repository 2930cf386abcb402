namespace BackOffice.Workflows.Lifecycle;

public sealed record StateDefinition
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public bool Final { get; init; }
    /// <summary>Open states that put a request first in the queue (an associate must act).</summary>
    public bool Urgent { get; init; }
    public IReadOnlyList<string> Entry { get; init; } = [];
    public IReadOnlyList<TimerDefinition> Timers { get; init; } = [];
}
