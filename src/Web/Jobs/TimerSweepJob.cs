using BackOffice.Workflows.Lifecycle;
using Hangfire;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Every minute: fires every due lifecycle timer (reminders, cancellations, due-date warnings, pickup follow-ups,
/// portal link expiry), including those that fell due while the app was down, batch after batch until none is due.
/// </summary>
public sealed class TimerSweepJob(TimerSweeper sweeper, IOptions<JobsOptions> options)
{
    /// <summary>At most this many batches in one run, so a run ends; the next minute carries on.</summary>
    public const int MaxBatches = 50;

    [AutomaticRetry(Attempts = 0)] // it runs again in a minute
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [JobDisplayName("Timer sweep")]
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var batch = options.Value.SweepBatchSize;
        var fired = 0;
        for (var pass = 0; pass < MaxBatches; pass++)
        {
            var count = await sweeper.FireDueAsync(batch, cancellationToken);
            fired += count;
            if (count < batch) break;
        }

        return fired;
    }
}
