using System.Diagnostics;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BackOffice.Workflows.Tests.Persistence;

/// <summary>
/// A commit compares the tracked entities with their snapshots once (BackOfficeDbContext.DetectChangesOnce): the search
/// hashes, the interceptors and SaveChanges each ran the whole comparison again, five times a commit. What they change
/// afterwards still reaches the database.
/// </summary>
public abstract class ChangeDetectionTests : EngineTestsBase
{
    [Fact]
    public async Task Commit_ComparesTheTrackedEntitiesOnce_AndStillStampsTheRequest()
    {
        using var events = new EfEvents();

        var request = await Harness.StartAsync();
        Harness.Time.Advance(TimeSpan.FromMinutes(5));
        await Harness.FireAsync(request.Id, "Assign", Staff.Clerk, TriggerArgs.Of(("assignee", "clerk-1")));

        events.Saves.ShouldBeGreaterThanOrEqualTo(2);
        events.Comparisons.ShouldBe(events.Saves);
        var stored = await Harness.LoadAsync(request.Id);
        stored.AssigneeId.ShouldBe("clerk-1");
        // The stamp is set by an interceptor after the comparison: through the entry, so it is saved all the same.
        stored.UpdatedAt.ShouldBe(EngineHarness.Start.AddMinutes(5));
        stored.CreatedAt.ShouldBe(EngineHarness.Start);
    }

    /// <summary>EF Core's DetectChangesStarting and SaveChangesStarting events raised in this test's flow.</summary>
    private sealed class EfEvents : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<EfEvents?> Current = new();
        private readonly IDisposable _subscription;
        private readonly List<IDisposable> _listeners = [];
        private int _comparisons;
        private int _saves;

        public EfEvents()
        {
            Current.Value = this;
            _subscription = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Comparisons => Volatile.Read(ref _comparisons);
        public int Saves => Volatile.Read(ref _saves);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
                lock (_listeners) _listeners.Add(value.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Current.Value != this) return;
            if (value.Key == CoreEventId.DetectChangesStarting.Name) Interlocked.Increment(ref _comparisons);
            if (value.Key == CoreEventId.SaveChangesStarting.Name) Interlocked.Increment(ref _saves);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            _subscription.Dispose();
            lock (_listeners) _listeners.ForEach(l => l.Dispose());
        }
    }
}

public sealed class SqliteChangeDetectionTests : ChangeDetectionTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
