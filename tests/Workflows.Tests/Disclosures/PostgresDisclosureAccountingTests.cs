using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Disclosures;

public sealed class PostgresDisclosureAccountingTests : DisclosureAccountingTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
