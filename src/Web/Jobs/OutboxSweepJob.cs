using BackOffice.Workflows.Persistence;
using Hangfire;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Every minute: enqueues a dispatch for each outbox row that is due and nobody holds: rows whose commit signal was
/// lost (the process stopped, Hangfire was unreachable) and rows waiting for their next attempt after a failure.
/// New rows get <see cref="SignalGrace"/> to be dispatched by their own signal first.
/// </summary>
public sealed class OutboxSweepJob(BackOfficeDbContext db, IBackgroundJobClient jobs, TimeProvider time, IOptions<JobsOptions> options)
{
    public static readonly TimeSpan SignalGrace = TimeSpan.FromMinutes(1);

    [AutomaticRetry(Attempts = 0)] // it runs again in a minute
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [JobDisplayName("Outbox sweep")]
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var signalledBefore = now - SignalGrace;
        var due = await DueOutboxRows.ReadAsync(db, now, signalledBefore, options.Value.SweepBatchSize, cancellationToken);
        foreach (var id in due) jobs.Enqueue<OutboxDispatcher>(d => d.DispatchAsync(id, CancellationToken.None));
        return due.Count;
    }
}
