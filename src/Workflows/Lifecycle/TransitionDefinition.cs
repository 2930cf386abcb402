namespace BackOffice.Workflows.Lifecycle;

public sealed record TransitionDefinition
{
    public required string Trigger { get; init; }
    public string? Label { get; init; }
    public IReadOnlyList<string> From { get; init; } = [];
    /// <summary>Destination; absent for an internal transition that records data without moving.</summary>
    public string? To { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> Guards { get; init; } = [];
    public IReadOnlyList<string> Activities { get; init; } = [];
    /// <summary>Fired by the engine itself as soon as its guards hold.</summary>
    public bool Automatic { get; init; }

    public bool IsInternal => To is null;
}
