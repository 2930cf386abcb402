using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Disclosures;

public sealed class SqliteDisclosureAccountingTests : DisclosureAccountingTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
