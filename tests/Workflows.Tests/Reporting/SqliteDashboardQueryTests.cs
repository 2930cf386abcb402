using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Reporting;

public sealed class SqliteDashboardQueryTests : DashboardQueryTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
