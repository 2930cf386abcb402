using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Queue;

public sealed class PostgresRequestQueueTests : RequestQueueTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
