using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Retention;

public sealed class SqliteRetentionDisclosureTests : RetentionDisclosureTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
