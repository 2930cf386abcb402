// The load program of issue #14: the full online request over HTTP against BackOffice (Release, Production, SQLite)
// and against a bare ASP.NET Core app answering the same 17 calls, raw durable inserts of the same rows, the final
// send alone, the staff queue, memory and cold start — each figure beside its baseline measured in the same run,
// rounds interleaved, medians reported. Loopback only; bounded in time. See bench/README.md.
using System.Diagnostics;
using System.Globalization;
using BackOffice.Intake.Load;

var options = LoadOptions.Parse(args);
if (options.Against is { } running)
{
    // Complete requests only, against an app started by hand (e.g. under dotnet-trace).
    using var http = Client(running);
    var forms = new OnlineRequestClient(http) { CallTimes = new() };
    var result = Check(await LoadRun.ForAsync(options.Clients, TimeSpan.FromSeconds(options.Seconds), async t => (await forms.CompleteAsync(t)).Send), "intake");
    foreach (var (call, times) in forms.CallTimes.OrderBy(c => c.Key, StringComparer.Ordinal))
        Console.WriteLine($"  {call,-32} median {times.Order().ElementAt(times.Count / 2),7:0.00} ms");
    Console.WriteLine($"{result.PerSecond:0.0} complete requests/s, send p50 {result.P50:0.0} ms p99 {result.P99:0.0} ms, {result.Completed} in {result.Elapsed.TotalSeconds:0.0} s");
    return;
}

var repo = BenchTools.FindRepository();
var work = Path.Combine(Path.GetTempPath(), "backoffice-intake-load", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
Console.WriteLine($"Working folder {work}; {options.Clients} clients, {options.Seconds} s a run, {options.Rounds} rounds.");

// Both apps published the way production deploys BackOffice: Release, ReadyToRun (precompiled code: a cold start does
// not wait for the JIT), framework-dependent (--self-contained: BackOffice as README's faster-starting option). --no-build
// runs the last published copies.
var runtime = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
var webDirectory = BenchTools.PublishWeb(repo, options.SelfContained, options.NoBuild);
var bareDirectory = Path.Combine(repo, "bench/Intake.Bare/bin/Release/net10.0", runtime, "publish");
if (!options.NoBuild)
{
    BenchTools.Publish(Path.Combine(repo, "bench/Intake.Bare/Intake.Bare.csproj"), selfContained: false);
}

var webDll = Path.Combine(webDirectory, "BackOffice.Web.dll");
var bareDll = Path.Combine(bareDirectory, "Intake.Bare.dll");
var keyFile = Path.Combine(work, "records.key");
BenchTools.Run("dotnet", webDll, "encryption", "new-key", keyFile);
const string password = "Load-Passw0rd!";
var data = Path.Combine(work, "data");
var environment = new Dictionary<string, string>(BenchTools.ProductionProcess)
{
    ["BackOffice__DataDirectory"] = data,
    ["BackOffice__Encryption__KeyFile"] = keyFile,
    ["BackOffice__Http__RequireHttps"] = "false",
    // Host filtering admits the public base URL's host only.
    ["BackOffice__Site__PublicBaseUrl"] = "http://127.0.0.1",
    ["BackOffice__Demo__Password"] = password,
    // The load client stands for many people behind a proxy on loopback: each sends its own X-Forwarded-For, so the
    // per-address limits (uploads, status and portal tries) count people, not the one loopback address.
    ["BackOffice__Http__KnownProxies__0"] = "127.0.0.1",
};
var report = new Report(options);

if (options.Memory > 0)
{
    // The memory check: a database of options.Memory requests (copies of one the app stored), a cold start on it, then
    // 60 s of complete requests and staff queue views at once, then the resident size.
    await using (var first = StartBackOffice())
    {
        await first.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        using var seedHttp = Client(first.Address);
        var seedForms = new OnlineRequestClient(seedHttp);
        Check(await LoadRun.ForAsync(4, TimeSpan.FromSeconds(5), async t => (await seedForms.CompleteAsync(t)).Send), "seed");
    }

    var seeded = MillionRequests.Seed(Path.Combine(data, "backoffice.db"), options.Memory);
    report.Add($"seeding to {options.Memory:N0} requests (not BackOffice's time)", seeded.TotalSeconds, "s");
    await SettleAsync();
    await using var big = StartBackOffice();
    report.Add($"cold start to healthy /health, BackOffice, {options.Memory:N0} requests", (await big.WaitHealthyAsync(TimeSpan.FromSeconds(120))).TotalSeconds, "s");
    using var bigHttp = Client(big.Address);
    var bigForms = new OnlineRequestClient(bigHttp);
    var bigClerks = new List<StaffClient>();
    for (var i = 0; i < 4; i++) bigClerks.Add(await StaffClient.SignInAsync(bigHttp, "clerk", password, CancellationToken.None));
    var sixty = TimeSpan.FromSeconds(60);
    var intake = LoadRun.ForAsync(options.Clients, sixty, async t => (await bigForms.CompleteAsync(t)).Send);
    var queue = LoadRun.ForAsync(bigClerks.Count, sixty, t => bigClerks[Random.Shared.Next(bigClerks.Count)].ViewQueueAsync(t));
    var (intakeRun, queueRun) = (Check(await intake, "intake"), Check(await queue, "queue"));
    report.Add($"complete requests during the 60 s ({intakeRun.PerSecond:0.0}/s)", intakeRun.Completed, "");
    report.Add($"queue views during the 60 s ({queueRun.PerSecond:0.0}/s)", queueRun.Completed, "");
    report.Add($"resident memory after {options.Memory:N0} requests and 60 s of load", big.ResidentMegabytes(), "MB");
    report.Print(Path.Combine(work, "memory.md"));
    return;
}

await using var bare = AppProcess.Start(bareDll, bareDirectory, Path.Combine(work, "bare.log"), new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
report.Add("cold start to healthy /health, bare app", (await bare.WaitHealthyAsync(TimeSpan.FromSeconds(30))).TotalSeconds, "s");
var app = StartBackOffice();
report.Add("cold start to healthy /health, BackOffice, empty database", (await app.WaitHealthyAsync(TimeSpan.FromSeconds(60))).TotalSeconds, "s");

using var bareHttp = Client(bare.Address);
using var appHttp = Client(app.Address);
var bareForms = new OnlineRequestClient(bareHttp);
var appForms = new OnlineRequestClient(appHttp);

Console.WriteLine("Warming up (JIT, caches) ...");
await LoadRun.ForAsync(options.Clients, TimeSpan.FromSeconds(options.WarmupSeconds), async t => (await bareForms.CompleteAsync(t)).Send);
Check(await LoadRun.ForAsync(options.Clients, TimeSpan.FromSeconds(options.WarmupSeconds), async t => (await appForms.CompleteAsync(t)).Send), "warm-up");

string? rawFile = null;
var prepared = new List<PreparedForm>();
var duration = TimeSpan.FromSeconds(options.Seconds);
for (var round = 1; round <= options.Rounds; round++)
{
    Console.WriteLine($"Round {round} ...");
    var bareRun = await LoadRun.ForAsync(options.Clients, duration, async t => (await bareForms.CompleteAsync(t)).Send);
    var cpuBefore = app.CpuTime();
    var appRun = Check(await LoadRun.ForAsync(options.Clients, duration, async t => (await appForms.CompleteAsync(t)).Send), "intake");
    var cpuPerRequest = (app.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, appRun.Completed);
    rawFile ??= BenchTools.CopyDatabase(Path.Combine(data, "backoffice.db"), work);
    using var raw = new RawInserts(rawFile);
    var rawRun = raw.Run(duration);
    report.Round(round, bareRun, appRun, cpuPerRequest, rawRun);

    // The final step alone: forms answered up to the review, then all sent, clients at a time.
    var forms = (await LoadRun.EachAsync(Enumerable.Range(0, options.Forms).ToArray(), options.Clients, async (_, t) =>
    {
        var form = await appForms.PrepareAsync(t);
        lock (prepared) prepared.Add(form);
        return TimeSpan.Zero;
    })).Completed;
    var send = Check(await LoadRun.EachAsync(prepared.ToArray(), options.Clients, appForms.SendAsync), "final step");
    prepared.Clear();
    report.FinalStep(round, forms, send, rawRun);
}

// The staff queue: a signed-in clerk's page view, each audited before the page is answered.
var bareStaff = Enumerable.Range(0, options.Clients).Select(_ => StaffClient.Bare(bareHttp)).ToArray();
var clerks = new List<StaffClient>();
foreach (var _ in Enumerable.Range(0, options.Clients)) clerks.Add(await StaffClient.SignInAsync(appHttp, "clerk", password, CancellationToken.None));
await LoadRun.ForAsync(options.Clients, TimeSpan.FromSeconds(options.WarmupSeconds), t => clerks[Random.Shared.Next(clerks.Count)].ViewQueueAsync(t));
for (var round = 1; round <= options.Rounds; round++)
{
    var next = 0;
    var bareQueue = await LoadRun.ForAsync(options.Clients, duration, t => bareStaff[Interlocked.Increment(ref next) % bareStaff.Length].ViewQueueAsync(t));
    var appQueue = Check(await LoadRun.ForAsync(options.Clients, duration, t => clerks[Interlocked.Increment(ref next) % clerks.Count].ViewQueueAsync(t)), "queue");
    report.Queue(round, bareQueue, appQueue);
}

report.Add("resident memory after the load, BackOffice", app.ResidentMegabytes(), "MB");
report.Add("resident memory after the load, bare app", bare.ResidentMegabytes(), "MB");

// Cold start on the database the run filled: stopped cleanly, started again, three times.
var starts = new List<double>();
for (var i = 0; i < 3; i++)
{
    await app.DisposeAsync();
    await SettleAsync();
    app = StartBackOffice();
    starts.Add((await app.WaitHealthyAsync(TimeSpan.FromSeconds(60))).TotalSeconds);
}

report.Add("cold start to healthy /health, BackOffice, existing database (median of 3)", starts.Order().ElementAt(1), "s");
await app.DisposeAsync();
report.Print(Path.Combine(work, "report.md"));
return;

// A cold start measures the app, not the machine still writing back what the load before it wrote (the kernel's flush of
// tens of MB of database, documents and mail competed with the start for the 2 cores and made it a second slower).
static async Task SettleAsync()
{
    BenchTools.Run("sync");
    await Task.Delay(TimeSpan.FromSeconds(2));
}

AppProcess StartBackOffice() => AppProcess.Start(webDll, webDirectory, Path.Combine(work, "backoffice.log"), environment);

static HttpClient Client(Uri address) => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
{
    BaseAddress = address,
    Timeout = TimeSpan.FromSeconds(120),
};

static LoadResult Check(LoadResult result, string what)
{
    if (result.Failed > 0) Console.WriteLine($"  {what}: {result.Failed} failed, first: {result.FirstFailure}");
    return result;
}
