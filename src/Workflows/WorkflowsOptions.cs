using BackOffice.Workflows.Persistence;

namespace BackOffice.Workflows;

public sealed class WorkflowsOptions
{
    public DatabaseOptions Database { get; set; } = new();
    /// <summary>The folder holding the lifecycle definitions (workflows/*.json).</summary>
    public string DefinitionsDirectory { get; set; } = "workflows";
    /// <summary>Deadlines are calendar days where the department works.</summary>
    public string TimeZone { get; set; } = "America/Chicago";
}
