namespace BackOffice.Workflows.Lifecycle;

/// <summary>A lifecycle definition version as registered; requests pinned to it keep running on it.</summary>
public sealed class LifecycleDefinitionRecord
{
    public string Name { get; set; } = "";
    public int Version { get; set; }
    public string Json { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
}
