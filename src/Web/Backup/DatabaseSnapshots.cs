using System.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BackOffice.Web.Backup;

/// <summary>A consistent copy of the database taken while the app keeps writing to it.</summary>
internal static class DatabaseSnapshots
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// Copies a SQLite database with SQLite's online backup API: one step over all pages inside one read transaction, so
    /// the copy is the database as of one commit, while the app goes on writing (WAL: readers and writers do not block
    /// each other). The copy is a single file, ready to be opened anywhere.
    /// </summary>
    public static async Task CopySqliteAsync(string sourcePath, string destinationPath, CancellationToken cancellationToken)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = sourcePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false,
        }.ToString());
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = destinationPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
        }.ToString());
        await source.OpenAsync(cancellationToken);
        await destination.OpenAsync(cancellationToken);
        await ExecuteAsync(source, "PRAGMA busy_timeout=10000", cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                source.BackupDatabase(destination);
                break;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked && attempt < 20)
            {
                // A writer held the file lock (a database not in WAL mode): wait for it and copy again.
                await Task.Delay(250 * attempt, cancellationToken);
            }
        }

        // The copy keeps the source's journal mode (the app's database is WAL, which the app expects of it), and everything
        // in the one file.
        await ExecuteAsync(destination, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
    }

    /// <summary>What a SQLite copy names and counts.</summary>
    public static async Task<SnapshotContents> ReadSqliteAsync(string copyPath, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = copyPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        return await SnapshotContents.ReadAsync(connection, null, SnapshotContents.SqliteTables, cancellationToken);
    }

    /// <summary>
    /// Dumps a PostgreSQL database with <c>pg_dump</c> (custom format) from a snapshot exported by a transaction of ours,
    /// and reads what that same snapshot names and counts: the dump and the list of documents agree to the row.
    /// </summary>
    public static async Task<SnapshotContents> DumpPostgresAsync(string connectionString, string pgDump, string dumpPath,
        CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            var snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
            var contents = await SnapshotContents.ReadAsync(connection, transaction, SnapshotContents.PostgresTables, cancellationToken);
            // The exporting transaction stays open until pg_dump has imported the snapshot (it does so as it starts).
            var (exitCode, errors) = await PostgresTools.RunAsync(pgDump,
                ["--format=custom", "--no-password", $"--snapshot={snapshot}", $"--file={dumpPath}"], connectionString, null, cancellationToken);
            if (exitCode != 0) throw new BackupException($"pg_dump failed (exit code {exitCode}): {errors}");
            await transaction.CommitAsync(cancellationToken);
            return contents;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant pragmas
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
