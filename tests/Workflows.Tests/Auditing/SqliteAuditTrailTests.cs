using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Auditing;

public sealed class SqliteAuditTrailTests : AuditTrailTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
