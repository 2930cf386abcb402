using BackOffice.Web.Documents;
using BackOffice.Web.Pages.Request;
using BackOffice.Workflows.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Every hour: deletes the files of online requests that were never sent. A staged upload whose wizard answers were last
/// handed to a browser longer ago than <see cref="KeepFor"/> (the wizard's idle limit, after which no browser can send
/// them, plus a margin for the clocks of other nodes) has its file deleted and then its row, so a run that stops half-way
/// is finished by the next (a file already gone is not an error). A file a request names is never deleted, only its row.
/// Also forgets the per-address upload counts older than their window and the attempt counters of windows that ended
/// more than a day ago (<see cref="PatientAccess.PatientAttemptLimiter"/>). Logs counts only.
/// </summary>
public sealed class AbandonedUploadsJob(BackOfficeDbContext db, DocumentStore documents, TimeProvider time,
    IOptions<DocumentOptions> documentOptions, IOptions<JobsOptions> jobsOptions, ILogger<AbandonedUploadsJob> logger)
{
    /// <summary>Past the idle limit, for a send that was already under way and for clocks a little apart.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(15);

    /// <summary>How long after its answers were last saved an unsent upload is kept.</summary>
    public static TimeSpan KeepFor => WizardStore.IdleLimit + Margin;

    /// <summary>Deletes the abandoned uploads' files and rows; returns how many files were deleted.</summary>
    [AutomaticRetry(Attempts = 0)] // it runs again in an hour
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Abandoned uploads")]
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var cutoff = now - KeepFor;
        var batchSize = Math.Max(1, jobsOptions.Value.SweepBatchSize);
        int deleted = 0, keptForRequests = 0;
        while (true)
        {
            var batch = await db.StagedUploads.AsNoTracking()
                .Where(u => u.LastSeenAt < cutoff)
                .OrderBy(u => u.LastSeenAt)
                .Select(u => new { u.StorageKey, Named = db.Documents.Any(d => d.StorageKey == u.StorageKey) })
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0) break;

            foreach (var upload in batch)
            {
                if (upload.Named)
                {
                    keptForRequests++;
                    continue;
                }

                documents.Delete(upload.StorageKey);
                deleted++;
            }

            var keys = batch.Select(u => u.StorageKey).ToList();
            await db.StagedUploads.Where(u => keys.Contains(u.StorageKey) && u.LastSeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        var countedSince = now - documentOptions.Value.AddressWindow;
        var forgotten = await db.ClientUploads.Where(u => u.At <= countedSince).ExecuteDeleteAsync(cancellationToken);
        var attempts = await PatientAccess.PatientAttemptLimiter.SweepAsync(db, now, cancellationToken);
        logger.LogInformation("Abandoned uploads: {Deleted} files deleted, {Kept} kept because a request names them, {Forgotten} upload counts and {Attempts} attempt counters past their window forgotten",
            deleted, keptForRequests, forgotten, attempts);
        return deleted;
    }
}
