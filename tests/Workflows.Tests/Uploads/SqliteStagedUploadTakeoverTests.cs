using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Uploads;

public sealed class SqliteStagedUploadTakeoverTests : StagedUploadTakeoverTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
