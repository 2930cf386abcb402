using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Retention;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Auditing;

/// <summary>
/// The one way audit rows are ever removed: the retention policy's, for rows older than its <c>AuditYears</c>. Each delete
/// carries <see cref="Tag"/>, the only mark <see cref="AuditCommandGuard"/> lets a DELETE of the audit table through with;
/// the tag is internal to this assembly, and a cut-off less than six years back is refused here as well, so no setting and no
/// other caller can shorten what the law requires (45 CFR 164.316(b)(2), 164.530(j)). Deletes go in batches of
/// <see cref="BatchSize"/> rows, oldest first, so a first run on years of audit does not hold SQLite's one writer for long.
/// </summary>
public static class AuditRetention
{
    internal const string Tag = "BackOffice retention policy: audit rows past their retention period";

    public const int BatchSize = 5000;

    public static Task<int> CountOlderThanAsync(BackOfficeDbContext db, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Audit.AsNoTracking().CountAsync(a => a.At < before, cancellationToken);
    }

    /// <summary>Deletes the audit rows written before <paramref name="before"/>; returns how many.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="before"/> is less than six years before <paramref name="now"/>.</exception>
    public static async Task<int> RemoveOlderThanAsync(BackOfficeDbContext db, DateTimeOffset before, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (before > now.AddYears(-RetentionOptions.MinimumYears))
            throw new InvalidOperationException($"Audit rows are kept at least {RetentionOptions.MinimumYears} years; rows written after {now.AddYears(-RetentionOptions.MinimumYears):u} cannot be removed.");

        var removed = 0;
        while (true)
        {
            // Ids grow with every row written: the batch is the oldest rows up to the BatchSize-th one.
            var upTo = await db.Audit.AsNoTracking().Where(a => a.At < before).OrderBy(a => a.Id).Select(a => (long?)a.Id)
                .Skip(BatchSize - 1).FirstOrDefaultAsync(cancellationToken);
            var due = db.Audit.TagWith(Tag).Where(a => a.At < before);
            if (upTo is { } last) due = due.Where(a => a.Id <= last);
            var deleted = await due.ExecuteDeleteAsync(cancellationToken);
            removed += deleted;
            if (upTo is null || deleted == 0) return removed;
        }
    }
}
