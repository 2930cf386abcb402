using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// Applies a context's migrations, but first refuses a database whose history holds migrations this build does not
/// know: one made by a newer build (a downgrade), or by the pre-release migrations squashed into "Initial". Migrating
/// such a database would fail half-way with "table already exists" or run an old build against a newer schema.
/// </summary>
public static class MigrationHistory
{
    public static async Task MigrateKnownAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database was created or upgraded by another version of BackOffice: it has migrations this version does not know " +
                $"({string.Join(", ", unknown)}; this version knows {string.Join(", ", known)}). Start this version with the data " +
                "directory or database that belongs to it, or restore a backup made by it. A database made before the first " +
                "release (before the migrations were squashed into \"Initial\") is not upgraded: move its data directory aside.");
        }

        // Up to date (every start but the first after an upgrade): skip MigrateAsync, whose migration lock and model
        // comparison cost a few hundred milliseconds of a cold start.
        if (known.IsSubsetOf(applied)) return;
        await db.Database.MigrateAsync(cancellationToken);
    }
}
