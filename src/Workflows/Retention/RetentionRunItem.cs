namespace BackOffice.Workflows.Retention;

/// <summary>
/// A request a retention run reduced (or, in a dry run, would have). For a real run it also holds, until they are gone,
/// the storage keys of the document files still to delete: they are written in the same commit that removes the document
/// rows, and deleted after it, so a crash in between leaves a list to finish rather than files nobody knows about.
/// </summary>
public sealed class RetentionRunItem
{
    private RetentionRunItem() { }

    public long Id { get; private set; }
    public Guid RunId { get; private set; }
    public Guid RequestId { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public DateOnly ClosedOn { get; private set; }
    /// <summary>Where the run left the request (or would have).</summary>
    public RetentionStage Stage { get; private set; }
    public int DocumentsRemoved { get; private set; }
    /// <summary>Storage keys whose files are still to be deleted; null once none is left.</summary>
    public IReadOnlyList<string>? FilesToDelete { get; private set; }
    public DateTimeOffset? FilesDeletedAt { get; private set; }

    internal static RetentionRunItem Create(Guid runId, Guid requestId, string trackingNumber, DateOnly closedOn, RetentionStage stage,
        int documents, IReadOnlyList<string>? filesToDelete) => new()
        {
            RunId = runId,
            RequestId = requestId,
            TrackingNumber = trackingNumber,
            ClosedOn = closedOn,
            Stage = stage,
            DocumentsRemoved = documents,
            FilesToDelete = filesToDelete is { Count: > 0 } ? [.. filesToDelete] : null,
        };

    internal void FilesDeleted(DateTimeOffset at)
    {
        FilesToDelete = null;
        FilesDeletedAt = at;
    }
}
