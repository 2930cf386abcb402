using BackOffice.Web.PostalMailing;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Time;
using Hangfire;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Each working day at <see cref="JobsOptions.MailingBatchAt"/>: the day's mailing batch (cover letters, invoices, labels)
/// for every request ready to go by mail, marking them mailed. Staff print it from <c>/Staff/Mailing</c>. A second run the
/// same day finds nothing left to mail, so a repeated or retried job mails nobody twice.
/// </summary>
public sealed class MailingBatchJob(MailingBatchService batches, DepartmentClock clock, ILogger<MailingBatchJob> logger)
{
    [AutomaticRetry(Attempts = 0)] // a failed batch is made from the page, or by tomorrow's run
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [JobDisplayName("Daily mailing batch")]
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = await batches.CreateAsync(clock.Today, Actor.System, cancellationToken);
        if (result.Mailed.Count > 0 || result.Skipped.Count > 0)
            logger.LogInformation("Mailing batch {BatchId}: {Mailed} mailed, {Skipped} skipped", result.BatchId, result.Mailed.Count, result.Skipped.Count);
        return result.Mailed.Count;
    }
}
