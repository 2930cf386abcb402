using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Lifecycle;

public sealed class PostgresEngineReliabilityTests : EngineReliabilityTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
