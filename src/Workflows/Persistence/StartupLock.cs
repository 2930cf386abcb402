using Microsoft.Extensions.Logging;
using Npgsql;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// One node at a time does the start-up work on a shared PostgreSQL database (migrations, lifecycle definitions, roles,
/// demo accounts, rule sets, Hangfire's schema, the key ring's first key). Nodes started together on an empty database
/// otherwise each applied migrations half-way ("column already exists", "index does not exist") and stopped. A PostgreSQL session advisory lock on a connection of its
/// own: held until disposed, and released by the server if the holder dies. SQLite (one machine) needs none.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The lock's key, the same in every version, so an old and a new node starting together also take turns.</summary>
    public const long Key = 0x426F_5374_6172_7475; // "BoStartu"

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(DatabaseOptions database, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(logger);
        if (database.Provider != DatabaseProvider.PostgreSql) return new StartupLock(null);

        // Unpooled, so closing the connection really ends the session (and with it the lock).
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (await ExecuteAsync(connection, "SELECT pg_try_advisory_lock(@key)", cancellationToken) is not true)
            {
                logger.LogInformation("Another node is doing its start-up work on this database; waiting for it to finish");
                // No command timeout: migrating a large database may take longer than any fixed limit.
                await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", cancellationToken);
            }

            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the lock's session, which releases the lock.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }

    private static async Task<object?> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("key", Key);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
