using BackOffice.Workflows.Persistence;

namespace BackOffice.Workflows.Tests.Support;

internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "backoffice-tests", Guid.NewGuid().ToString("N"));

    public override DatabaseOptions Options => new() { Provider = DatabaseProvider.Sqlite, DataDirectory = _directory };

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalising connection is left in the temp folder.
        }

        return ValueTask.CompletedTask;
    }
}
