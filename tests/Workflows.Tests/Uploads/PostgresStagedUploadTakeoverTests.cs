using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Uploads;

public sealed class PostgresStagedUploadTakeoverTests : StagedUploadTakeoverTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
