using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Auditing;

public sealed class PostgresAuditTrailTests : AuditTrailTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
