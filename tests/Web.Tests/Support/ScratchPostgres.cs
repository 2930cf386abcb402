using Npgsql;

namespace BackOffice.Web.Tests.Support;

/// <summary>
/// A new, empty database on the test PostgreSQL server (BACKOFFICE_TEST_POSTGRES, set by test.sh),
/// dropped when disposed. No server means the test fails: PostgreSQL tests are never skipped.
/// </summary>
public sealed class ScratchPostgres : IAsyncDisposable
{
    private static readonly string Server = Environment.GetEnvironmentVariable("BACKOFFICE_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=backoffice;Password=backoffice;Database=postgres";

    private readonly string _name = "bo_web_" + Guid.NewGuid().ToString("N")[..16];

    private ScratchPostgres() => ConnectionString =
        new NpgsqlConnectionStringBuilder(Server) { Database = _name, Pooling = false }.ConnectionString;

    public string ConnectionString { get; }

    /// <summary>Settings that run the app on this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["BackOffice:Database:Provider"] = "PostgreSql",
        ["BackOffice:Database:ConnectionString"] = ConnectionString,
    };

    public static async Task<ScratchPostgres> CreateAsync()
    {
        var database = new ScratchPostgres();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database._name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    /// <summary>
    /// The database down for the app: it refuses new connections and the open ones are ended, as when its server stops.
    /// <see cref="AcceptConnectionsAsync"/> brings it back.
    /// </summary>
    public async Task RefuseConnectionsAsync()
    {
        await OnServerAsync($"ALTER DATABASE \"{_name}\" ALLOW_CONNECTIONS false");
        await OnServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_name}' AND pid <> pg_backend_pid()");
    }

    public Task AcceptConnectionsAsync() => OnServerAsync($"ALTER DATABASE \"{_name}\" ALLOW_CONNECTIONS true");

    /// <summary>Runs a statement on this database (its own connection, not pooled).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // An autovacuum worker (a superuser process) may be visiting the database; try again shortly.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(Server);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException) when (attempt < 10)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }
}
