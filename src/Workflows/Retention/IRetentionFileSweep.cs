namespace BackOffice.Workflows.Retention;

/// <summary>
/// Stored files besides request documents that hold requests' personal data (the web app: the mailing batches' letters and
/// labels). The retention run calls each after it has reduced the requests due.
/// </summary>
public interface IRetentionFileSweep
{
    /// <summary>
    /// Deletes — or, in a dry run, only counts — the files made before <paramref name="before"/> whose requests are all reduced
    /// (<paramref name="requestsReduced"/> answers that for a set of request ids, counting in a dry run those the run would
    /// reduce). Returns how many went (or would go).
    /// </summary>
    Task<int> SweepAsync(DateOnly before, Func<IReadOnlyCollection<Guid>, CancellationToken, Task<bool>> requestsReduced, bool dryRun,
        CancellationToken cancellationToken);
}
