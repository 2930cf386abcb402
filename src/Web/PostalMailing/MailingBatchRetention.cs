using BackOffice.Workflows.Retention;

namespace BackOffice.Web.PostalMailing;

/// <summary>
/// The retention policy's part of the mailing batches: a batch's PDF holds the cover letters, invoices and labels (names and
/// addresses) of the requests it mailed, so a batch made before the run's cut-off day goes once every request it mailed has
/// been reduced. A PDF whose record is gone goes by its day alone.
/// </summary>
public sealed class MailingBatchRetention(MailingBatchStore store, ILogger<MailingBatchRetention> logger) : IRetentionFileSweep
{
    public async Task<int> SweepAsync(DateOnly before, Func<IReadOnlyCollection<Guid>, CancellationToken, Task<bool>> requestsReduced, bool dryRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestsReduced);
        var swept = 0;
        foreach (var (id, _) in store.StoredBatches().Where(b => b.Day < before))
        {
            var record = await store.FindAsync(id, cancellationToken);
            if (record is not null && !await requestsReduced([.. record.Mailed.Select(m => m.RequestId)], cancellationToken)) continue;
            swept++;
            if (!dryRun) store.Delete(id);
        }

        if (swept > 0 && !dryRun) logger.LogInformation("Retention: {Count} mailing batches deleted", swept);
        return swept;
    }
}
