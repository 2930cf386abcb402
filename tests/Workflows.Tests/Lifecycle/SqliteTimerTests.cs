using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Lifecycle;

public sealed class SqliteTimerTests : TimerTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
