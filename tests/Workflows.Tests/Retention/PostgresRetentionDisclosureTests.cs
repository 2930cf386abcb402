using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Retention;

public sealed class PostgresRetentionDisclosureTests : RetentionDisclosureTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
