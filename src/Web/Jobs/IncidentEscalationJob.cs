using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Every minute: finds attempts claimed longer ago than the lease (<see cref="JobsOptions.ClaimLeaseMinutes"/>) that
/// never reported back. A message may or may not have gone, so it is not sent again: it becomes an incident for staff.
/// A document leaves nothing behind unless its commit happened, so its claim is just released for another try.
/// </summary>
public sealed class IncidentEscalationJob(BackOfficeDbContext db, TimeProvider time, IOptions<JobsOptions> options,
    ILogger<IncidentEscalationJob> logger)
{
    [AutomaticRetry(Attempts = 0)] // it runs again in a minute
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [JobDisplayName("Unfinished attempts")]
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var claimedBefore = now - TimeSpan.FromMinutes(settings.ClaimLeaseMinutes);
        var stale = await db.Outbox.AsNoTracking()
            .Where(o => o.ProcessedAt == null && o.IncidentAt == null && o.ClaimId != null && o.ClaimedAt <= claimedBefore)
            .OrderBy(o => o.CreatedAt)
            .Select(o => o.Id)
            .Take(settings.SweepBatchSize)
            .ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var id in stale)
        {
            db.ChangeTracker.Clear();
            var message = await db.Outbox.SingleAsync(o => o.Id == id, cancellationToken);
            if (message.ProcessedAt is not null || message.IncidentAt is not null || message.ClaimId is null) continue;
            var claimedAt = message.ClaimedAt;
            if (message.Kind == OutboxKind.Document) message.ReleaseUnfinished(now, settings.MaxAttempts);
            else message.RaiseUnfinished(now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // the attempt reported back just now
            }

            handled++;
            if (message.HasOpenIncident) JobsTelemetry.Incident(message, "unfinished");
            logger.LogWarning("Outbox message {OutboxId} ({Type}) for request {RequestId}: attempt claimed at {ClaimedAt} never finished; {Outcome}",
                message.Id, message.Type, message.RequestId, claimedAt,
                message.HasOpenIncident ? "now an incident" : "released for another try");
        }

        return handled;
    }
}
