// The load program of issue #17: requests sent through the requester API (POST /api/v1/requests, multipart with the
// signed PDF, a fresh Idempotency-Key each) by N clients against BackOffice (Release, ReadyToRun, Production, SQLite),
// reported against raw durable inserts of the same rows measured in the same run, rounds interleaved, medians
// reported. Loopback only; bounded in time (rounds × seconds × 2 plus start-up). See bench/README.md.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BackOffice.Api.Load;

int clients = 16, seconds = 15, rounds = 3, warmup = 30;
var noBuild = false;
var selfContained = false;
for (var i = 0; i < args.Length; i++)
{
    int Next() => int.Parse(args[++i], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--clients": clients = Next(); break;
        case "--seconds": seconds = Next(); break;
        case "--rounds": rounds = Next(); break;
        case "--warmup": warmup = Next(); break;
        case "--no-build": noBuild = true; break;
        case "--self-contained": selfContained = true; break;
        default: throw new ArgumentException($"unknown option {args[i]}; see bench/README.md");
    }
}

var repo = BenchTools.FindRepository();
var work = Path.Combine(Path.GetTempPath(), "backoffice-api-load", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
Console.WriteLine($"Working folder {work}; {clients} clients, {seconds} s a run, {rounds} rounds.");
// Published as production deploys it (README, Deployment); --self-contained: the faster-starting option.
var webDirectory = BenchTools.PublishWeb(repo, selfContained, noBuild);
var webDll = Path.Combine(webDirectory, "BackOffice.Web.dll");
var keyFile = Path.Combine(work, "records.key");
BenchTools.Run("dotnet", webDll, "encryption", "new-key", keyFile);
var data = Path.Combine(work, "data");
var environment = new Dictionary<string, string>(BenchTools.ProductionProcess)
{
    ["BackOffice__DataDirectory"] = data,
    ["BackOffice__Encryption__KeyFile"] = keyFile,
    ["BackOffice__Http__RequireHttps"] = "false",
    ["BackOffice__Site__PublicBaseUrl"] = "http://127.0.0.1",
    ["BackOffice__Demo__SeedAccounts"] = "false",
    // The per-key limit would stop the load, not measure it.
    ["BackOffice__RateLimits__ApiCallsPerKeyPerMinute"] = "100000000",
};

await using var app = AppProcess.Start(webDll, webDirectory, Path.Combine(work, "backoffice.log"), environment);
Console.WriteLine($"BackOffice healthy after {(await app.WaitHealthyAsync(TimeSpan.FromSeconds(90))).TotalSeconds:0.0} s");

// The organisation and its key, made by the commands against the running app's database (as a department scripts it).
var organisation = Command(webDll, webDirectory, environment, "requester-org", "create", "--name", "Load Test LLP", "--type", "Attorney",
    "--contact-email", "records@loadtest.example.org", "--delivery", "Mail,Portal").Single(l => Guid.TryParse(l, out _));
var key = Command(webDll, webDirectory, environment, "api-key", "create", "--org", organisation, "--name", "load")
    .Single(l => l.StartsWith("bo_", StringComparison.Ordinal));

using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
{
    BaseAddress = app.Address,
    Timeout = TimeSpan.FromSeconds(120),
};
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% signed authorization for the load program\n" + new string('x', 20_000) + "\n%%EOF\n");
var signedOn = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
var sent = 0;

Console.WriteLine("Warming up ...");
Check(await LoadRun.ForAsync(clients, TimeSpan.FromSeconds(warmup), SendAsync), "warm-up");

var apiRuns = new List<LoadResult>();
var rawRuns = new List<LoadResult>();
var cpu = new List<double>();
string? rawFile = null;
Dictionary<string, long>? rows = null;
var duration = TimeSpan.FromSeconds(seconds);
for (var round = 1; round <= rounds; round++)
{
    Console.WriteLine($"Round {round} ...");
    var cpuBefore = app.CpuTime();
    var apiRun = Check(await LoadRun.ForAsync(clients, duration, SendAsync), "API");
    cpu.Add((app.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, apiRun.Completed));
    rawFile ??= BenchTools.CopyDatabase(Path.Combine(data, "backoffice.db"), work);
    using var raw = new ApiRawInserts(rawFile);
    rows ??= raw.RowCounts;
    var rawRun = raw.Run(duration);
    apiRuns.Add(apiRun);
    rawRuns.Add(rawRun);
    Console.WriteLine($"  API {apiRun.PerSecond:0.0}/s (p50 {apiRun.P50:0.0} ms, p99 {apiRun.P99:0.0} ms, {apiRun.Failed} failed); raw inserts {rawRun.PerSecond:0.0}/s");
}

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"# Requester API load, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"{clients} clients, {seconds} s a run, medians of {rounds} interleaved rounds, published {(selfContained ? "self-contained, one composite image" : "framework-dependent")}; raw rows per request: {string.Join(", ", rows!.Select(r => $"{r.Key} {r.Value}"))}.");
report.AppendLine();
report.AppendLine("| figure | API | raw durable inserts | ratio |");
report.AppendLine("|---|---:|---:|---:|");
var api = Median(apiRuns.Select(r => r.PerSecond));
var rawPerSecond = Median(rawRuns.Select(r => r.PerSecond));
report.AppendLine(CultureInfo.InvariantCulture, $"| requests/s (POST /api/v1/requests, multipart, 20 KB PDF) | {api:0.0} | {rawPerSecond:0.0} | {api / rawPerSecond:P1} |");
report.AppendLine(CultureInfo.InvariantCulture, $"| p50 / p99 | {Median(apiRuns.Select(r => r.P50)):0.0} / {Median(apiRuns.Select(r => r.P99)):0.0} ms | {Median(rawRuns.Select(r => r.P50)):0.00} / {Median(rawRuns.Select(r => r.P99)):0.00} ms | |");
report.AppendLine(CultureInfo.InvariantCulture, $"| app CPU per request | {Median(cpu):0.0} ms | | |");
report.AppendLine(CultureInfo.InvariantCulture, $"| failed calls (all rounds) | {apiRuns.Sum(r => r.Failed)} | | |");
report.AppendLine(CultureInfo.InvariantCulture, $"| resident memory after the load | {app.ResidentMegabytes():0} MB | | |");
Console.WriteLine();
Console.WriteLine(report);
File.WriteAllText(Path.Combine(work, "report.md"), report.ToString());
return;

async Task<TimeSpan> SendAsync(CancellationToken cancellationToken)
{
    var n = Interlocked.Increment(ref sent);
    var form = $$$"""
        {"patient":{"firstName":"Load","lastName":"Patient{{{n}}}","dateOfBirth":"1980-04-15"},
         "information":{"allRecords":true},"delivery":"Portal","format":"Electronic","purpose":"Legal","expiresOn":"2030-12-31",
         "requiredStatementsPresent":true,
         "signature":{"signerName":"Load Patient{{{n}}}","signerRelationship":"Patient","signedOn":"{{{signedOn}}}"}}
        """;
    using var content = new MultipartFormDataContent { { new StringContent(form, Encoding.UTF8, "application/json"), "form" } };
    var file = new ByteArrayContent(pdf);
    file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
    content.Add(file, "authorization", "signed.pdf");
    using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = content };
    message.Headers.Add("Idempotency-Key", $"load-{n}-{Guid.NewGuid():N}");
    var started = Stopwatch.GetTimestamp();
    using var response = await http.SendAsync(message, cancellationToken);
    if (response.StatusCode != HttpStatusCode.Created)
        throw new InvalidOperationException($"POST /api/v1/requests answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    return Stopwatch.GetElapsedTime(started);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static LoadResult Check(LoadResult result, string what)
{
    if (result.Failed > 0) Console.WriteLine($"  {what}: {result.Failed} failed, first: {result.FirstFailure}");
    return result;
}


static List<string> Command(string dll, string contentRoot, Dictionary<string, string> environment, params string[] arguments)
{
    var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = contentRoot };
    info.ArgumentList.Add(dll);
    foreach (var argument in arguments) info.ArgumentList.Add(argument);
    foreach (var (name, value) in environment) info.Environment[name] = value;
    using var process = Process.Start(info)!;
    process.StandardInput.Close();
    var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
    return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
