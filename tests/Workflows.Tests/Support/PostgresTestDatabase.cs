using BackOffice.Workflows.Persistence;
using Npgsql;

namespace BackOffice.Workflows.Tests.Support;

/// <summary>
/// The server comes from BACKOFFICE_TEST_POSTGRES (the test script sets it after starting PostgreSQL);
/// without it the default local role the script creates is used. No server means the test fails: the
/// PostgreSQL tests are never silently skipped.
/// </summary>
internal sealed class PostgresTestDatabase : TestDatabase
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=backoffice;Password=backoffice;Database=postgres";
    private readonly string _name = "bo_test_" + Guid.NewGuid().ToString("N")[..16];

    public static string Server => Environment.GetEnvironmentVariable("BACKOFFICE_TEST_POSTGRES") ?? DefaultServer;

    public override DatabaseOptions Options => new()
    {
        Provider = DatabaseProvider.PostgreSql,
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name, Pooling = false }.ConnectionString,
    };

    public async Task CreateAsync()
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        // An autovacuum worker (a superuser process) may be visiting the new database; try again shortly.
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
