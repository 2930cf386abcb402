using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Persistence;

public sealed class PostgresStartupTests : StartupTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
