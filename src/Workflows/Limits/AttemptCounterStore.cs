using System.Data.Common;
using BackOffice.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Limits;

/// <summary>
/// Counts one attempt in a fixed window of <see cref="AttemptCounter"/>s in one statement (an upsert that adds one only
/// while the window is below its limit and answers the new count), so nodes racing cannot together pass a limit.
/// <para>A counter is worth nothing after a power cut (its window is a few minutes long), so it is not worth a disk flush:
/// every API call and status lookup would otherwise wait for one (issue #17's load run counted the key's counter as one of
/// the eight flushes of a request). On PostgreSQL the table is UNLOGGED (migration <c>AttemptCountersUnlogged</c>): no WAL,
/// so its commits wait for no flush; shared by every node as before. On SQLite (one machine) the counters are written on
/// a connection of their own with <c>synchronous=NORMAL</c>: committed to the WAL at once and visible to every reader,
/// flushed to disk with the next durable commit or checkpoint; a power cut may forget the last counts, never corrupt the
/// file (WAL mode). The app's other connections keep <c>synchronous=FULL</c>. The write takes a <see cref="WriteGate"/>
/// turn like every SQLite write of this process, so it never sleeps in SQLite's busy handler behind a commit; when the turn
/// finds a group commit open, the count is written in it instead (see <see cref="WriteGate.WriteUnflushedAsync{T}"/>).</para>
/// </summary>
public sealed class AttemptCounterStore(WorkflowsOptions options, WriteGate gate) : IAsyncDisposable
{
    // RETURNING answers the new count; no row when the window was already at its limit (the update's WHERE refused).
    private const string CountSql = """
        INSERT INTO "AttemptCounters" ("Bucket", "KeyHash", "WindowStart", "Count") VALUES ({0}, {1}, {2}, 1)
        ON CONFLICT ("Bucket", "KeyHash", "WindowStart") DO UPDATE SET "Count" = "AttemptCounters"."Count" + 1
        WHERE "AttemptCounters"."Count" < {3}
        RETURNING "Count" AS "Value"
        """;

    private static readonly string SqliteCountSql =
        CountSql.Replace("{0}", "$bucket", StringComparison.Ordinal).Replace("{1}", "$key", StringComparison.Ordinal)
            .Replace("{2}", "$window", StringComparison.Ordinal).Replace("{3}", "$permits", StringComparison.Ordinal);

    private const string SqlitePragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA temp_store=MEMORY;";

    private readonly bool _sqlite = options.Database.Provider == DatabaseProvider.Sqlite;
    private SqliteConnection? _connection;

    /// <summary>Uses one attempt of <paramref name="keyHash"/>'s window in <paramref name="bucket"/>; false when the window
    /// already holds <paramref name="permits"/>.</summary>
    public async Task<bool> TryCountAsync(BackOfficeDbContext db, string bucket, string keyHash, long windowStart, int permits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(keyHash);
        if (!_sqlite)
        {
            var counted = await db.Database.SqlQueryRaw<int>(CountSql, bucket, keyHash, windowStart, permits).ToListAsync(cancellationToken);
            return counted.Count == 1;
        }

        // While a group commit is open the count joins it (the group's flush carries it; nothing waits for that), since
        // writing on the counters' own connection would first have to end the group.
        return await gate.WriteUnflushedAsync(
            (connection, transaction) => CountAsync(connection, transaction, bucket, keyHash, windowStart, permits),
            async () =>
            {
                var connection = await ConnectionAsync(cancellationToken);
                try
                {
                    return await CountAsync(connection, null, bucket, keyHash, windowStart, permits);
                }
                catch (SqliteException)
                {
                    // A connection that failed is not trusted again: the next attempt opens a new one.
                    await connection.DisposeAsync();
                    _connection = null;
                    throw;
                }
            },
            cancellationToken);
    }

    private static async Task<bool> CountAsync(SqliteConnection connection, SqliteTransaction? transaction, string bucket,
        string keyHash, long windowStart, int permits)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteCountSql;
        Add(command, "$bucket", bucket);
        Add(command, "$key", keyHash);
        Add(command, "$window", windowStart);
        Add(command, "$permits", permits);
        return await command.ExecuteScalarAsync() is not null;
    }

    /// <summary>SQLite's synchronous setting on the counters' own connection (tests: 1, NORMAL); null before the first count.</summary>
    internal async Task<long?> SqliteSynchronousAsync()
    {
        if (_connection is null) return null;
        using var turn = await gate.EnterAsync(CancellationToken.None);
        await using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long?)await command.ExecuteScalarAsync();
    }

    // Used inside the write gate only, so by one caller at a time.
    private async Task<SqliteConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is not null) return _connection;
        // Not pooled: the file is closed when the app stops (tests delete their data directories).
        var builder = new SqliteConnectionStringBuilder(options.Database.SqliteConnectionString()) { Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqlitePragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return _connection = connection;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _connection = null;
    }
}
