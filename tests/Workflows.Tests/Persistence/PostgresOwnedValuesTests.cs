using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Persistence;

public sealed class PostgresOwnedValuesTests : OwnedValuesTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
