using BackOffice.Workflows.Limits;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Limits;

/// <summary>Attempt counters: one upsert per attempt, never past the limit (racing callers included), kept in the table
/// every node reads, without a disk flush of their own.</summary>
public abstract class AttemptCounterStoreTests : EngineTestsBase
{
    private const string Bucket = "TestBucket";

    protected Task<bool> CountAsync(string key, int permits, long window = 1_000_000) => Harness.InScopeAsync(sp =>
        sp.GetRequiredService<AttemptCounterStore>().TryCountAsync(sp.GetRequiredService<BackOfficeDbContext>(), Bucket, key, window, permits,
            CancellationToken.None));

    private Task<Dictionary<string, int>> StoredAsync() => Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>()
        .AttemptCounters.AsNoTracking().Where(c => c.Bucket == Bucket).ToDictionaryAsync(c => $"{c.KeyHash}@{c.WindowStart}", c => c.Count));

    [Fact]
    public async Task TryCount_AllowsUpToTheLimit_PerKeyAndWindow_AndKeepsTheCountInTheTable()
    {
        var first = new List<bool>();
        for (var i = 0; i < 4; i++) first.Add(await CountAsync("alpha", permits: 3));
        var other = await CountAsync("beta", permits: 3);
        var nextWindow = await CountAsync("alpha", permits: 3, window: 1_000_060);

        first.ShouldBe([true, true, true, false]);
        other.ShouldBeTrue();
        nextWindow.ShouldBeTrue();
        (await StoredAsync()).ShouldBe(new Dictionary<string, int> { ["alpha@1000000"] = 3, ["beta@1000000"] = 1, ["alpha@1000060"] = 1 },
            ignoreOrder: true);
    }

    [Fact]
    public async Task TryCount_FromManyCallersAtOnce_NeverPassesTheLimit()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => CountAsync("race", permits: 25)));

        results.Count(allowed => allowed).ShouldBe(25);
        (await StoredAsync())["race@1000000"].ShouldBe(25);
    }
}

public sealed class SqliteAttemptCounterStoreTests : AttemptCounterStoreTests
{
    protected override Task<Support.TestDatabase> CreateDatabaseAsync() => Task.FromResult(Support.TestDatabase.Sqlite());

    [Fact]
    public async Task TheCounters_AreWrittenWithoutAFlush_WhileTheAppsOtherConnectionsStayFullyDurable()
    {
        (await CountAsync("alpha", permits: 3)).ShouldBeTrue();

        var counters = await Harness.Services.GetRequiredService<AttemptCounterStore>().SqliteSynchronousAsync();
        var app = await Harness.InScopeAsync(async sp =>
        {
            var connection = sp.GetRequiredService<BackOfficeDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            return (long)(await command.ExecuteScalarAsync())!;
        });

        counters.ShouldBe(1L, "NORMAL: committed to the WAL, flushed with the next durable commit");
        app.ShouldBe(2L, "FULL: every request commit is flushed before it is acknowledged");
    }
}

public sealed class PostgresAttemptCounterStoreTests : AttemptCounterStoreTests
{
    protected override Task<Support.TestDatabase> CreateDatabaseAsync() => Support.TestDatabase.PostgresAsync();

    [Fact]
    public async Task TheCountersTable_IsUnlogged()
    {
        var persistence = await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Database
            .SqlQueryRaw<string>("""SELECT relpersistence::text AS "Value" FROM pg_class WHERE relname = 'AttemptCounters'""").SingleAsync());

        persistence.ShouldBe("u");
    }
}
