using BackOffice.Workflows.Persistence;

namespace BackOffice.Workflows.Tests.Support;

/// <summary>A real, empty database for one test: a SQLite file, or a new database on the PostgreSQL server.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseOptions Options { get; }

    public abstract ValueTask DisposeAsync();

    public static TestDatabase Sqlite() => new SqliteTestDatabase();

    public static async Task<TestDatabase> PostgresAsync()
    {
        var database = new PostgresTestDatabase();
        await database.CreateAsync();
        return database;
    }
}
