using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Auditing;

public sealed class SqliteAuditRetentionTests : AuditRetentionTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
