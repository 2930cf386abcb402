using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Retention;

public sealed class PostgresRetentionPurgeTests : RetentionPurgeTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
