using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Retention;

public sealed class SqliteRetentionPurgeTests : RetentionPurgeTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
