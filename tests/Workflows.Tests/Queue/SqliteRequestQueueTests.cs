using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Queue;

public sealed class SqliteRequestQueueTests : RequestQueueTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
