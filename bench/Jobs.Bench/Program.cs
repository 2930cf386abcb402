using System.Diagnostics;
using System.Globalization;
using BackOffice.Jobs.Bench;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/Jobs.Bench [-- --repeat 20 --sample 1000 --full]
// The reminder sweep (the recurring timer-sweep job) over one million open requests, against a bare COUNT(*) of the
// open requests measured in the same run. Bounded: a fixed number of repetitions, then it stops.
var repeat = Option("--repeat", 20);
var sample = Option("--sample", 1_000);
const int Batch = 200; // JobsOptions.SweepBatchSize

await using var services = BenchServices.Create(OpenRequests.File);
var seeding = Stopwatch.StartNew();
await OpenRequests.EnsureSeededAsync(services);
var (requests, timers) = OpenRequests.Counts();
Console.WriteLine($"Database: {OpenRequests.File} ({new FileInfo(OpenRequests.File).Length / 1_048_576:N0} MB), {requests:N0} open requests, "
    + $"{timers:N0} timers; ready in {seeding.Elapsed.TotalSeconds:N0} s");
await InScopeAsync(async sp => { await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync(); return 0; }); // the definitions, as at start-up
var now = BenchServices.Now;

ResetFiredTimers();
await FireAsync(Batch); // warm-up: JIT, EF model, SQLite page cache
ResetFiredTimers();

var baseline = Measure(repeat, () => InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Requests.CountAsync(r => r.ClosedAt == null)));
var dueCount = 0;
var firstBatch = Measure(repeat, () => InScopeAsync(async sp => (await SelectDue(sp, Batch)).Count));
var allDue = Measure(repeat, () => InScopeAsync(async sp => dueCount = (await SelectDue(sp, int.MaxValue)).Count));
var fireTimes = new List<double>();
for (var run = 0; run < 3; run++)
{
    var watch = Stopwatch.StartNew();
    var fired = await FireAsync(sample);
    fireTimes.Add(watch.Elapsed.TotalMilliseconds);
    if (fired != sample) throw new InvalidOperationException($"fired {fired}, expected {sample}");
    ResetFiredTimers();
}

var fire = Median(fireTimes);
var perTimer = fire / sample;
Console.WriteLine();
Console.WriteLine($"| measurement | median | ratio to the baseline |");
Console.WriteLine($"|---|---:|---:|");
Row("bare `COUNT(*)` of open requests (baseline)", baseline, baseline);
Row($"sweep selection: first batch of {Batch} due timers", firstBatch, baseline);
Row($"sweep selection: all {dueCount:N0} due timers", allDue, baseline);
Row($"firing {sample:N0} due timers ({sample / Batch} batches of {Batch}, one transaction each)", fire, baseline);
var sweep = allDue + fire;
Row($"**the sweep: selecting every due timer + firing {sample:N0}**", sweep, baseline);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Firing: {perTimer:N2} ms per timer ({1000 / perTimer:N0} timers/s); the whole backlog of {dueCount:N0} would take about {perTimer * dueCount / 1000:N1} s."));
Console.WriteLine(sweep < 10_000 ? "Target (sweep under 10 s): met." : "Target (sweep under 10 s): NOT met.");

if (args.Contains("--full"))
{
    var watch = Stopwatch.StartNew();
    var fired = await FireAsync(int.MaxValue);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Full backlog: {fired:N0} timers fired in {watch.Elapsed.TotalSeconds:N1} s."));
    ResetFiredTimers();
}

return;

// The sweep's query exactly as TimerSweeper.FireDueAsync runs it.
Task<List<Guid>> SelectDue(IServiceProvider sp, int take) => sp.GetRequiredService<BackOfficeDbContext>().Timers.AsNoTracking()
    .Where(t => t.CompletedAt == null && t.DueAt <= now).OrderBy(t => t.DueAt).Select(t => t.Id).Take(take).ToListAsync();

// What TimerSweepJob does: FireDueAsync in batches until fewer than a batch were due (here: until `count` fired).
async Task<int> FireAsync(int count)
{
    var fired = 0;
    while (fired < count)
    {
        var batch = Math.Min(Batch, count - fired);
        var done = await InScopeAsync(sp => sp.GetRequiredService<TimerSweeper>().FireDueAsync(batch));
        fired += done;
        if (done < batch) break;
    }

    return fired;
}

// Puts fired timers back to pending, so every run fires the same backlog (their journal and outbox rows stay).
void ResetFiredTimers()
{
    using var connection = OpenRequests.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "UPDATE Timers SET CompletedAt = NULL, Outcome = NULL WHERE CompletedAt IS NOT NULL";
    command.ExecuteNonQuery();
}

async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
{
    await using var scope = services.CreateAsyncScope();
    return await work(scope.ServiceProvider);
}

static double Measure<T>(int times, Func<Task<T>> work)
{
    var samples = new List<double>();
    for (var i = 0; i < times; i++)
    {
        var watch = Stopwatch.StartNew();
        work().GetAwaiter().GetResult();
        samples.Add(watch.Elapsed.TotalMilliseconds);
    }

    return Median(samples);
}

static double Median(List<double> samples)
{
    var sorted = samples.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static void Row(string what, double milliseconds, double baseline) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {Format(milliseconds)} | {milliseconds / baseline:N2} |"));

static string Format(double milliseconds) => milliseconds >= 1000
    ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:N2} s")
    : string.Create(CultureInfo.InvariantCulture, $"{milliseconds:N1} ms");

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
