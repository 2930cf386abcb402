using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Reporting;

public sealed class PostgresDashboardQueryTests : DashboardQueryTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
