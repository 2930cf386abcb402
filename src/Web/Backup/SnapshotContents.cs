using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BackOffice.Web.Backup;

/// <summary>An upload of an online request not yet sent, and when its record was written (its file just after).</summary>
internal sealed record StagedFile(string StorageKey, DateTimeOffset StagedAt);

/// <summary>
/// What a database snapshot names and counts, read from the snapshot itself (the SQLite copy, or the PostgreSQL
/// transaction whose snapshot <c>pg_dump</c> dumps): so the documents copied are exactly those the backed-up database names.
/// </summary>
internal sealed record SnapshotContents(
    long Requests,
    long Documents,
    long JournalEntries,
    string? LastMigration,
    IReadOnlyList<string> DocumentKeys,
    IReadOnlyList<StagedFile> StagedUploads,
    IReadOnlyList<string> DatabaseKeyIds)
{
    /// <summary>The marker <c>EncryptionKeys</c> holds while values stored before encryption are still plain.</summary>
    private const string PlaintextMarker = Workflows.Persistence.EncryptedColumns.Plaintext;

    public const string SqliteTables = "SELECT name FROM sqlite_master WHERE type = 'table'";
    public const string PostgresTables = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";

    public static async Task<SnapshotContents> ReadAsync(DbConnection connection, DbTransaction? transaction, string tablesQuery,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var tables = (await ReadAsync(connection, transaction, tablesQuery, r => r.GetString(0), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (!tables.Contains("Requests") || !tables.Contains("Documents") || !tables.Contains("Journal"))
            throw new BackupException("The database holds no BackOffice tables: start the app once on it (or check the configured database) before backing it up.");

        var documentKeys = await ReadAsync(connection, transaction, "SELECT \"StorageKey\" FROM \"Documents\"", r => r.GetString(0), cancellationToken);
        var staged = tables.Contains("StagedUploads")
            ? await ReadAsync(connection, transaction, "SELECT \"StorageKey\", \"StagedAt\" FROM \"StagedUploads\"",
                r => new StagedFile(r.GetString(0), Instant(r.GetValue(1))), cancellationToken)
            : [];
        var keyIds = tables.Contains("EncryptionKeys")
            ? (await ReadAsync(connection, transaction, "SELECT \"KeyId\" FROM \"EncryptionKeys\"", r => r.GetString(0), cancellationToken))
                .Where(id => id != PlaintextMarker).Order(StringComparer.Ordinal).ToList()
            : [];
        return new SnapshotContents(
            await CountAsync(connection, transaction, "Requests", cancellationToken),
            documentKeys.Count,
            await CountAsync(connection, transaction, "Journal", cancellationToken),
            (await ReadAsync(connection, transaction, "SELECT MAX(\"MigrationId\") FROM \"__EFMigrationsHistory\"",
                r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken)).SingleOrDefault(),
            [.. documentKeys.Distinct(StringComparer.Ordinal)],
            staged,
            keyIds);
    }

    // SQLite keeps instants as a binary number (DateTimeOffsetToBinaryConverter, see ProviderContexts); PostgreSQL as timestamptz.
    private static DateTimeOffset Instant(object value) => value switch
    {
        long binary => (DateTimeOffset)new DateTimeOffsetToBinaryConverter().ConvertFromProvider(binary)!,
        DateTimeOffset instant => instant,
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        _ => throw new BackupException($"An upload's time has an unexpected type ({value.GetType().Name})."),
    };

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, string table, CancellationToken cancellationToken) =>
        (await ReadAsync(connection, transaction, $"SELECT COUNT(*) FROM \"{table}\"", r => Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken)).Single();

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // constant SQL: table names from this class, no input
        command.CommandText = sql;
#pragma warning restore CA2100
        command.CommandTimeout = 0; // a large database is read to its end, however long that takes
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }
}
