using BackOffice.Workflows.Persistence;

namespace BackOffice.Workflows;

public sealed class WorkflowsOptions
{
    public DatabaseOptions Database { get; set; } = new();
    /// <summary>
    /// Where stored documents and mailing batches live (<c>BackOffice:FilesDirectory</c>): a folder every web node and
    /// worker mounts (NFS, SMB, a cloud file share) when there are several; the data directory when not set.
    /// </summary>
    public string? FilesDirectory { get; set; }
    /// <summary>The folder stored documents and mailing batches are kept in (<see cref="FilesDirectory"/> or the data directory).</summary>
    public string StoredFilesDirectory => FilesDirectory ?? Database.DataDirectory;
    /// <summary>The folder holding the lifecycle definitions (workflows/*.json).</summary>
    public string DefinitionsDirectory { get; set; } = "workflows";
    /// <summary>The retention policy (<c>BackOffice:Retention</c>); checked at start-up.</summary>
    public Retention.RetentionOptions Retention { get; set; } = new();
    /// <summary>Deadlines are calendar days where the department works.</summary>
    public string TimeZone { get; set; } = "America/Chicago";
}
