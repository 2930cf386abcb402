using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// A lease on a piece of work that one node at a time may do (the mailing batch), held as a row in <c>JobRuns</c>
/// under <c>lease:&lt;name&gt;</c>: inserting the row takes it (the key is unique, so on several nodes only one insert
/// wins), deleting it gives it back. A holder that died leaves its row; once older than <c>staleAfter</c> the row is
/// taken over, so a crash never blocks the work for good.
/// </summary>
public static class JobLease
{
    public const string KeyPrefix = "lease:";

    /// <summary>True when the lease is now held by the caller, who must <see cref="ReleaseAsync"/> it.</summary>
    public static async Task<bool> TryAcquireAsync(BackOfficeDbContext db, string name, DateTimeOffset now, TimeSpan staleAfter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = KeyPrefix + name;
        var held = await db.Set<JobRun>().AsNoTracking().Where(r => r.Key == key).Select(r => (DateTimeOffset?)r.StartedAt)
            .SingleOrDefaultAsync(cancellationToken);
        if (held is { } since)
        {
            if (now - since < staleAfter) return false;
            // Taken over from a holder that died: only if it is still that holder's row (another node may be faster).
            await db.Set<JobRun>().Where(r => r.Key == key && r.StartedAt == since).ExecuteDeleteAsync(cancellationToken);
        }

        var run = JobRun.Start(key, now);
        db.Set<JobRun>().Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another node took it first
        }
        finally
        {
            db.Entry(run).State = EntityState.Detached;
        }
    }

    public static Task ReleaseAsync(BackOfficeDbContext db, string name)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = KeyPrefix + name;
        return db.Set<JobRun>().Where(r => r.Key == key).ExecuteDeleteAsync(CancellationToken.None);
    }
}
