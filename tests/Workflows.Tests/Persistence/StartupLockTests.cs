using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace BackOffice.Workflows.Tests.Persistence;

/// <summary>Nodes sharing a PostgreSQL database take turns at start-up (the two-node test in Web.Tests/Nodes starts
/// three processes at once on an empty database).</summary>
public sealed class StartupLockTests
{
    [Fact]
    public async Task OnPostgreSql_ASecondNode_WaitsUntilTheFirstHasFinished()
    {
        await using var database = await TestDatabase.PostgresAsync();
        var first = await StartupLock.AcquireAsync(database.Options, NullLogger.Instance);

        var second = StartupLock.AcquireAsync(database.Options, NullLogger.Instance);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        second.IsCompleted.ShouldBeFalse("the second node started its start-up work while the first held the lock");

        await first.DisposeAsync();
        await using var held = await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task OnSqlite_NothingIsLocked()
    {
        await using var database = TestDatabase.Sqlite();

        await using var first = await StartupLock.AcquireAsync(database.Options, NullLogger.Instance);
        await using var second = await StartupLock.AcquireAsync(database.Options, NullLogger.Instance).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
