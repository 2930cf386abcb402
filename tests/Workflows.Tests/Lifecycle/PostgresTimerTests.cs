using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Lifecycle;

public sealed class PostgresTimerTests : TimerTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
