using BackOffice.Workflows.Lifecycle;
using Hangfire;

namespace BackOffice.Web.Jobs;

/// <summary>
/// After a transition commits, enqueues one dispatch job per outbox row it wrote (the job carries the row's id only).
/// If Hangfire cannot take it, nothing is lost: the row stays pending and the outbox sweep enqueues it a minute later.
/// </summary>
public sealed class HangfireOutboxSignal(IBackgroundJobClient jobs, ILogger<HangfireOutboxSignal> logger) : IOutboxSignal
{
    public void Committed(IReadOnlyList<Guid> outboxMessageIds)
    {
        ArgumentNullException.ThrowIfNull(outboxMessageIds);
        foreach (var id in outboxMessageIds)
        {
            try
            {
                jobs.Enqueue<OutboxDispatcher>(d => d.DispatchAsync(id, CancellationToken.None));
            }
#pragma warning disable CA1031 // the commit already happened; the sweep covers whatever could not be enqueued
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Could not enqueue outbox message {OutboxId}; the outbox sweep will pick it up", id);
            }
        }
    }
}
