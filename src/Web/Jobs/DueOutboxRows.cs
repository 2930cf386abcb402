using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Jobs;

/// <summary>The outbox rows a dispatch may claim now, oldest first: not done, not an incident, not held by an attempt,
/// and either new (committed by <c>newCommittedBy</c>) or past the pause after a failure. An indexed read of pending rows.</summary>
public static class DueOutboxRows
{
    public static Task<List<Guid>> ReadAsync(BackOfficeDbContext db, DateTimeOffset now, DateTimeOffset newCommittedBy, int batch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Outbox.AsNoTracking()
            .Where(o => o.ProcessedAt == null && o.IncidentAt == null && o.ClaimId == null)
            .Where(o => (o.NextAttemptAt == null && o.CreatedAt <= newCommittedBy) || o.NextAttemptAt <= now)
            .OrderBy(o => o.CreatedAt)
            .Select(o => o.Id)
            .Take(batch)
            .ToListAsync(cancellationToken);
    }
}
