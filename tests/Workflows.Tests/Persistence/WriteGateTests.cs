using System.Diagnostics.Metrics;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Limits;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Tests.Support;
using BackOffice.Workflows.Uploads;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Persistence;

/// <summary>
/// Group commit on SQLite (WriteGate): lifecycle commits that wait for their turn together share one transaction and one
/// flush, each still atomic, each answered only once its rows are on disk. The commits are lined up by holding a turn
/// while they arrive, so what shares a group does not depend on timing.
/// </summary>
public sealed class WriteGateTests : EngineTestsBase
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    private WriteGate Gate => Harness.Services.GetRequiredService<WriteGate>();

    private Task<RecordsRequest> StartAsync(params string[] stagedUploads) => Harness.InScopeAsync(sp =>
        sp.GetRequiredService<LifecycleEngine>().StartAsync(new RequestDraftBuilder().Build(),
            DateOnly.FromDateTime(EngineHarness.Start.UtcDateTime), Staff.Clerk, stagedUploads));

    /// <summary>Starts each write while a turn is held, once the previous one is waiting, so they queue in this order.</summary>
    private async Task<List<Task<T>>> LinedUpAsync<T>(WriteGate.Releaser heldTurn, params Func<Task<T>>[] writes)
    {
        var started = new List<Task<T>>();
        foreach (var write in writes)
        {
            var waitingBefore = Gate.Waiting;
            started.Add(Task.Run(write));
            await WaitUntilAsync(() => Gate.Waiting == waitingBefore + 1 || started[^1].IsCompleted);
        }

        heldTurn.Dispose();
        return started;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The writes did not line up at the gate.");
            await Task.Delay(5);
        }
    }

    private async Task<long> CommittedRequestsAsync()
    {
        // A connection of its own, as another reader of the file: it sees committed rows only.
        var connectionString = await Harness.InScopeAsync(sp =>
            Task.FromResult(sp.GetRequiredService<BackOfficeDbContext>().Database.GetConnectionString()!));
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Requests\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Commits_WaitingTogether_ShareOneTransaction_AndEachIsStoredWhole()
    {
        var before = Gate.GroupCommits;
        var sizes = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "backoffice.db.group_commit.size") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) => { lock (sizes) sizes.Add(size); });
        listener.Start();

        var starts = await LinedUpAsync(await Gate.EnterAsync(CancellationToken.None),
            [.. Enumerable.Range(0, 8).Select(_ => (Func<Task<RecordsRequest>>)(() => StartAsync()))]);
        var requests = await Task.WhenAll(starts);
        listener.Dispose();

        var after = Gate.GroupCommits;
        (after.Members - before.Members).ShouldBe(8);
        (after.Commits - before.Commits).ShouldBe(1);
        lock (sizes) sizes.ShouldContain(8, "the group's size is reported to telemetry");
        (await CommittedRequestsAsync()).ShouldBe(8);
        foreach (var request in requests)
        {
            (await Harness.JournalAsync(request.Id)).ShouldHaveSingleItem().ToState.ShouldBe(request.State);
            (await Harness.OutboxAsync(request.Id)).ShouldNotBeEmpty();
            (await Harness.LoadAsync(request.Id)).Version.ShouldBe(request.Version);
        }
    }

    [Fact]
    public async Task AFailingCommit_InAGroup_IsRolledBackAlone_AndTheOthersAreStored()
    {
        var before = Gate.GroupCommits;

        var starts = await LinedUpAsync(await Gate.EnterAsync(CancellationToken.None),
            () => StartAsync(),
            () => StartAsync("no-such-upload"), // its staged upload is gone: MissingUploadsException inside the commit
            () => StartAsync());

        var first = await starts[0];
        var missing = await Should.ThrowAsync<MissingUploadsException>(() => starts[1]);
        var third = await starts[2];

        missing.StorageKeys.ShouldBe(["no-such-upload"]);
        (Gate.GroupCommits.Commits - before.Commits).ShouldBe(1);
        (await CommittedRequestsAsync()).ShouldBe(2);
        (await Harness.JournalAsync(first.Id)).ShouldHaveSingleItem();
        (await Harness.JournalAsync(third.Id)).ShouldHaveSingleItem();
        var journalRows = await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Journal.CountAsync());
        journalRows.ShouldBe(2);
    }

    [Fact]
    public async Task ACommit_IsAnsweredOnlyWhenItsGroupIsOnDisk()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocking = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var starts = await LinedUpAsync(await Gate.EnterAsync(CancellationToken.None),
            async () => (object)await StartAsync(),
            () => Harness.InScopeAsync<object>(async sp =>
            {
                // The second member of the group holds it open until released.
                await Gate.CommitAsync(sp.GetRequiredService<BackOfficeDbContext>(), async _ =>
                {
                    blocking.SetResult();
                    await release.Task;
                }, CancellationToken.None);
                return "released";
            }));
        await blocking.Task;

        await Task.Delay(200);
        starts[0].IsCompleted.ShouldBeFalse("the first commit's work is done, but its group has not been committed");
        (await CommittedRequestsAsync()).ShouldBe(0);

        release.SetResult();
        var request = (RecordsRequest)await starts[0];
        (await starts[1]).ShouldBe("released");
        (await CommittedRequestsAsync()).ShouldBe(1);
        (await Harness.LoadAsync(request.Id)).State.ShouldBe(request.State);
    }

    [Fact]
    public async Task AnAttemptCount_JoinsAnOpenGroup_WithoutAFlushOfItsOwn()
    {
        var before = Gate.GroupCommits;
        Task<bool> Count() => Harness.InScopeAsync(sp => sp.GetRequiredService<AttemptCounterStore>()
            .TryCountAsync(sp.GetRequiredService<BackOfficeDbContext>(), "GateTest", "key", 1_000_000, 5, CancellationToken.None));

        var writes = await LinedUpAsync(await Gate.EnterAsync(CancellationToken.None),
            async () => (object)await StartAsync(),
            async () => (object)await Count(),
            async () => (object)await StartAsync());
        await Task.WhenAll(writes);

        ((bool)await writes[1]).ShouldBeTrue();
        var after = Gate.GroupCommits;
        (after.Commits - before.Commits).ShouldBe(1);
        (after.Members - before.Members).ShouldBe(3);
        var stored = await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().AttemptCounters.AsNoTracking()
            .SingleAsync(c => c.Bucket == "GateTest"));
        stored.Count.ShouldBe(1);
        (await CommittedRequestsAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task APlainTurn_CommitsTheOpenGroupFirst()
    {
        var before = Gate.GroupCommits;
        long seenByThePlainWriter = -1;

        var writes = await LinedUpAsync(await Gate.EnterAsync(CancellationToken.None),
            async () => (object)await StartAsync(),
            async () =>
            {
                using var turn = await Gate.EnterAsync(CancellationToken.None);
                seenByThePlainWriter = await CommittedRequestsAsync();
                return (object)"plain";
            },
            async () => (object)await StartAsync());
        await Task.WhenAll(writes);

        seenByThePlainWriter.ShouldBe(1);
        (Gate.GroupCommits.Commits - before.Commits).ShouldBe(2);
        (await CommittedRequestsAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task WithoutGroupCommit_EachCommitHasATransactionOfItsOwn()
    {
        using var gate = new WriteGate(serializes: true);
        await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            db.AttemptCounters.Add(AttemptCounter.First("Own", "k", 1));
            await gate.SaveChangesAsync(db, CancellationToken.None);
        });

        gate.GroupCommits.ShouldBe((0L, 0L));
        (await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().AttemptCounters.CountAsync(c => c.Bucket == "Own")))
            .ShouldBe(1);
    }

    [Fact]
    public async Task AContextKeepingItsConnectionOpen_CommitsOnItsOwn()
    {
        var before = Gate.GroupCommits;

        await Harness.InScopeAsync(async sp =>
        {
            // As start-up does: one scope's context opened once for several steps.
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            await db.Database.OpenConnectionAsync();
            await sp.GetRequiredService<LifecycleEngine>().StartAsync(new RequestDraftBuilder().Build(),
                DateOnly.FromDateTime(EngineHarness.Start.UtcDateTime), Staff.Clerk);
            db.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Open);
        });

        Gate.GroupCommits.ShouldBe(before);
        (await CommittedRequestsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task AFailedGroupCommit_FailsEveryCommitInIt_StoresNothing_AndTheNextGroupWorks()
    {
        // A commit that fails at COMMIT itself: a deferred foreign key, checked only then (a stand-in for a full disk).
        await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Database.ExecuteSqlRawAsync(
            "CREATE TABLE \"GateParent\" (\"Id\" INTEGER PRIMARY KEY); CREATE TABLE \"GateChild\" (\"ParentId\" INTEGER REFERENCES \"GateParent\"(\"Id\"));"));

        var writes = await LinedUpAsync(await Gate.EnterAsync(CancellationToken.None),
            async () => (object)await StartAsync(),
            () => Harness.InScopeAsync<object>(async sp =>
            {
                var db = sp.GetRequiredService<BackOfficeDbContext>();
                await Gate.CommitAsync(db, async token =>
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys=ON", token);
                    await db.Database.ExecuteSqlRawAsync("INSERT INTO \"GateChild\" (\"ParentId\") VALUES (42)", token);
                }, CancellationToken.None);
                return "committed";
            }),
            async () => (object)await StartAsync());

        foreach (var write in writes)
            (await Should.ThrowAsync<SqliteException>(() => write)).Message.ShouldContain("FOREIGN KEY");
        (await CommittedRequestsAsync()).ShouldBe(0);

        var after = await StartAsync();
        (await CommittedRequestsAsync()).ShouldBe(1);
        (await Harness.JournalAsync(after.Id)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task CommitsOfTheSameShape_RunTheStatementsCompiledBefore_AndStoreEveryValue()
    {
        var first = await StartAsync();
        var kept = Gate.CompiledStatements;
        var second = await Harness.StartAsync(new RequestDraftBuilder().With(d => d with
        {
            Patient = d.Patient with { FirstName = "Ana", LastName = "Ortiz", DateOfBirth = new DateOnly(1975, 9, 30) },
        }).Build());
        var third = await StartAsync();

        var after = Gate.CompiledStatements;
        after.Kept.ShouldBe(kept.Kept, "the same shapes of commit found their compiled statements");
        (after.Reused - kept.Reused).ShouldBeGreaterThanOrEqualTo(2);
        var stored = await Harness.LoadAsync(second.Id);
        stored.Patient.FirstName.ShouldBe("Ana");
        stored.Patient.LastName.ShouldBe("Ortiz");
        stored.Patient.DateOfBirth.ShouldBe(new DateOnly(1975, 9, 30));
        stored.Patient.Address.ShouldBe(RequestDraftBuilder.Address);
        stored.TrackingNumber.ShouldBe(second.TrackingNumber);
        stored.State.ShouldBe(second.State);
        new[] { first.TrackingNumber, second.TrackingNumber, third.TrackingNumber }.Distinct().Count().ShouldBe(3);
        foreach (var request in new[] { first, second, third })
            (await Harness.JournalAsync(request.Id)).ShouldHaveSingleItem();
        (await CommittedRequestsAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task AReusedStatement_BreakingAUniqueIndex_IsAnUpdateError_StoresNothing_AndRunsAgainAfterwards()
    {
        var key = Guid.NewGuid();
        Task<RecordsRequest> SendAsync(Guid submissionKey) =>
            Harness.StartAsync(new RequestDraftBuilder().With(d => d with { SubmissionKey = submissionKey }).Build());
        await SendAsync(Guid.NewGuid()); // compiles the shape
        var reusedBefore = Gate.CompiledStatements.Reused;

        var stored = await SendAsync(key);
        var error = await Should.ThrowAsync<DbUpdateException>(() => SendAsync(key));
        var next = await SendAsync(Guid.NewGuid());

        error.InnerException.ShouldBeOfType<SqliteException>().SqliteErrorCode.ShouldBe(19); // SQLITE_CONSTRAINT
        (Gate.CompiledStatements.Reused - reusedBefore).ShouldBeGreaterThanOrEqualTo(3);
        (await CommittedRequestsAsync()).ShouldBe(3);
        (await Harness.JournalAsync(next.Id)).ShouldHaveSingleItem();
        (await Harness.LoadAsync(stored.Id)).SubmissionKey.ShouldBe(key);
    }

    [Fact]
    public async Task TheCompiledStatementsKept_AreBounded()
    {
        async Task RunAsync(string sql) => await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            await Gate.CommitAsync(db, token => db.Database.ExecuteSqlRawAsync(sql, token), CancellationToken.None);
        });

        for (var i = 0; i < GateStatements.Capacity + 10; i++) await RunAsync($"UPDATE \"Requests\" SET \"Version\" = \"Version\" WHERE {i} = 1");
        Gate.CompiledStatements.Kept.ShouldBe(GateStatements.Capacity);

        var reused = Gate.CompiledStatements.Reused;
        await RunAsync($"UPDATE \"Requests\" SET \"Version\" = \"Version\" WHERE {GateStatements.Capacity + 9} = 1");
        Gate.CompiledStatements.Reused.ShouldBe(reused + 1);
        await RunAsync("UPDATE \"Requests\" SET \"Version\" = \"Version\" WHERE 0 = 1"); // the oldest: gone, compiled again
        Gate.CompiledStatements.Reused.ShouldBe(reused + 1);
    }
}
