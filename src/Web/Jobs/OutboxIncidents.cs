using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Jobs;

/// <summary>One open incident as the staff screens list it.</summary>
public sealed record OpenIncident(Guid MessageId, Guid RequestId, string TrackingNumber, OutboxKind Kind, string Type,
    DateTimeOffset IncidentAt, string Reason, int Attempts);

/// <summary>
/// Outbox rows waiting for staff: what is open, and the two ways to close one. Retry clears the incident and the claim
/// and enqueues a dispatch (an attempt that fails again goes straight back to staff once the attempts are used up);
/// dismiss closes it without sending, with who and why. The pages audit both.
/// </summary>
public sealed class OutboxIncidents(BackOfficeDbContext db, IBackgroundJobClient jobs, TimeProvider time)
{
    public static IQueryable<OutboxMessage> Open(IQueryable<OutboxMessage> outbox) =>
        outbox.Where(o => o.ProcessedAt == null && o.IncidentAt != null);

    public Task<int> CountAsync(CancellationToken cancellationToken = default) => Open(db.Outbox).CountAsync(cancellationToken);

    public async Task<IReadOnlyList<OpenIncident>> ListAsync(int take, CancellationToken cancellationToken = default) =>
        await Open(db.Outbox.AsNoTracking())
            .OrderByDescending(o => o.IncidentAt)
            .Take(take)
            .Join(db.Requests.AsNoTracking(), o => o.RequestId, r => r.Id, (o, r) =>
                new OpenIncident(o.Id, o.RequestId, r.TrackingNumber, o.Kind, o.Type, o.IncidentAt!.Value, o.IncidentReason ?? "", o.Attempts))
            .ToListAsync(cancellationToken);

    /// <exception cref="Workflows.Requests.DomainException">The message has no open incident.</exception>
    /// <exception cref="DbUpdateConcurrencyException">A worker changed the row meanwhile.</exception>
    public async Task<bool> RetryAsync(Guid requestId, Guid messageId, CancellationToken cancellationToken = default)
    {
        var message = await db.Outbox.FirstOrDefaultAsync(o => o.Id == messageId && o.RequestId == requestId, cancellationToken);
        if (message is null) return false;
        message.Retry();
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<OutboxDispatcher>(d => d.DispatchAsync(messageId, CancellationToken.None));
        return true;
    }

    /// <exception cref="Workflows.Requests.DomainException">No open incident, or no reason given.</exception>
    /// <exception cref="DbUpdateConcurrencyException">A worker changed the row meanwhile.</exception>
    public async Task<bool> DismissAsync(Guid requestId, Guid messageId, string by, string? reason, CancellationToken cancellationToken = default)
    {
        var message = await db.Outbox.FirstOrDefaultAsync(o => o.Id == messageId && o.RequestId == requestId, cancellationToken);
        if (message is null) return false;
        message.Dismiss(time.GetUtcNow(), by, reason);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
