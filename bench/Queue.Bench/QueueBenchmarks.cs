using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Queue;
using BackOffice.Workflows.Time;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BackOffice.Queue.Bench;

/// <summary>
/// The work queue over one million requests on SQLite, against a bare primary-key read: the ratio column says
/// how many key lookups' worth of time a queue page costs. Target: the default first page under 50 ms (median).
/// </summary>
[SimpleJob(RunStrategy.Throughput, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
[MedianColumn]
public class QueueBenchmarks
{
    private SqliteBackOfficeDbContext _db = null!;
    private RequestQueue _queue = null!;
    private DepartmentClock _clock = null!;
    private Guid _id;
    private string _secondPage = "";

    [GlobalSetup]
    public void Setup()
    {
        MillionRequests.EnsureSeeded();
        _db = MillionRequests.Open();
        _clock = new DepartmentClock(TimeProvider.System, "America/Chicago");
        _queue = new RequestQueue(_db, _clock, new MemoryCache(new MemoryCacheOptions()));
        // The request a clerk opens: the seeding template, the one with documents (the copies have none).
        var page = _queue.PageAsync(new QueueFilter()).GetAwaiter().GetResult();
        _id = _db.Documents.AsNoTracking().Select(d => d.RequestId).First();
        _secondPage = page.NextCursor ?? "";
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark(Baseline = true)]
    public string PrimaryKeyRead() => _db.Requests.AsNoTracking().Where(r => r.Id == _id).Select(r => r.TrackingNumber).First();

    [Benchmark]
    public Task<QueuePage> QueueFirstPage() => _queue.PageAsync(new QueueFilter());

    [Benchmark]
    public Task<QueuePage> QueueSecondPage() => _queue.PageAsync(new QueueFilter { Cursor = _secondPage });

    [Benchmark]
    public Task<QueuePage> InFulfillmentOverdue() =>
        _queue.PageAsync(new QueueFilter { State = "InFulfillment", Due = DueFilter.Overdue });

    [Benchmark]
    public Task<QueuePage> NameSearch() => _queue.PageAsync(new QueueFilter { State = QueueFilter.AllStates, Search = "Kowalski, Ma" });

    [Benchmark]
    public Task<QueuePage> DateOfBirthSearch() => _queue.PageAsync(new QueueFilter { State = QueueFilter.AllStates, Search = "1980-04-12" });

    /// <summary>The counts with an empty cache: what one page view in 30 seconds pays.</summary>
    [Benchmark]
    public Task<QueueCounts> CountsUncached() =>
        new RequestQueue(_db, _clock, new MemoryCache(new MemoryCacheOptions())).CountsAsync();

    /// <summary>What the detail page loads: the request with its documents, payments and notes, and its journal.</summary>
    [Benchmark]
    public async Task<int> DetailRead()
    {
        var request = await _db.Requests.AsNoTracking().Include(r => r.Documents).Include(r => r.Payments).Include(r => r.Notes)
            .AsSplitQuery().FirstAsync(r => r.Id == _id);
        var journal = await _db.Journal.AsNoTracking().Where(j => j.RequestId == _id).OrderBy(j => j.Sequence).ToListAsync();
        return request.Documents.Count + journal.Count;
    }
}
