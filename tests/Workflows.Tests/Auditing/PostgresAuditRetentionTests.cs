using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Auditing;

public sealed class PostgresAuditRetentionTests : AuditRetentionTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
