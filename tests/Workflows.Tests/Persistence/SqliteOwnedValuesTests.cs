using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Persistence;

public sealed class SqliteOwnedValuesTests : OwnedValuesTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
