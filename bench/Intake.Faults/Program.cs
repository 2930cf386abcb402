// The fault program of issue #14: BackOffice (Release, Production) as a process of its own under load from concurrent
// people filling in the online request, and three faults — SIGKILL mid-load three times (SQLite), the mail server down
// and back, PostgreSQL restarted — each followed by counting in the database and the mail: every confirmed request
// stored once with its journal and outbox rows, nothing half-written, no e-mail twice, every interrupted form taken up
// again to the done page. Loopback only; bounded in time and count; exits non-zero when a check fails. See bench/README.md.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using BackOffice.Intake.Faults;

var options = FaultOptions.Parse(args);
var repository = BenchTools.FindRepository();
var work = Path.Combine(Path.GetTempPath(), "backoffice-intake-faults", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
Console.WriteLine($"Working folder {work}; scenarios {string.Join(", ", options.Scenarios)}; {options.Clients} clients, load phases of {options.Seconds} s.");
var started = Stopwatch.GetTimestamp();

if (!options.NoBuild) FaultSetup.Run("dotnet", "build", "-c", "Release", "-v", "q", "-nologo", Path.Combine(repository, "src/Web/Web.csproj"));
var webDll = Path.Combine(repository, "src/Web/bin/Release/net10.0/BackOffice.Web.dll");
var keyFile = Path.Combine(work, "records.key");
FaultSetup.Run("dotnet", webDll, "encryption", "new-key", keyFile);
var setup = new FaultSetup(repository, webDll, keyFile, work, options);

// The whole run is bounded: past the limit every app it started is killed and it exits with 3.
var limit = TimeSpan.FromMinutes(4 * options.Scenarios.Length + 1);
_ = Task.Run(async () =>
{
    await Task.Delay(limit);
    Console.WriteLine($"The run took longer than {limit.TotalMinutes} minutes; stopping.");
    setup.KillAll();
    Environment.Exit(3);
});

Console.CancelKeyPress += (_, _) => setup.KillAll();

var results = new List<Checks>();
foreach (var scenario in options.Scenarios)
{
    Console.WriteLine($"Scenario {scenario} ...");
    var checks = new Checks(scenario);
    var one = Stopwatch.GetTimestamp();
    try
    {
        await (scenario switch
        {
            "kill" => KillScenario.RunAsync(setup, checks),
            "smtp" => SmtpScenario.RunAsync(setup, checks),
            _ => PostgresScenario.RunAsync(setup, checks),
        });
    }
#pragma warning disable CA1031 // a scenario that throws has failed; the others still run and the report says why
    catch (Exception ex)
#pragma warning restore CA1031
    {
        checks.Fail("the scenario ran to its end", $"{ex.GetType().Name}: {ex.Message}");
        Console.WriteLine(ex);
    }

    checks.Elapsed = Stopwatch.GetElapsedTime(one);
    results.Add(checks);
    Console.WriteLine($"  {(checks.Passed ? "passed" : "FAILED")} in {checks.Elapsed.TotalSeconds:0} s");
}

var report = Report(results, Stopwatch.GetElapsedTime(started));
Console.WriteLine();
Console.WriteLine(report);
await File.WriteAllTextAsync(Path.Combine(work, "report.md"), report);
Console.WriteLine($"Report: {Path.Combine(work, "report.md")}; app logs beside it.");
return results.All(r => r.Passed) ? 0 : 1;

static string Report(List<Checks> results, TimeSpan elapsed)
{
    var text = new StringBuilder();
    foreach (var result in results)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"### {result.Scenario}: {(result.Passed ? "passed" : "FAILED")} ({result.Elapsed.TotalSeconds:0} s)");
        text.AppendLine();
        text.AppendLine("| | count | check |");
        text.AppendLine("|---|---:|---|");
        foreach (var line in result.Lines)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {line.What} | {line.Value} | {line.Passed switch { true => "ok", false => "**FAILED**", null => "" }} |");
        text.AppendLine();
    }

    text.AppendLine(CultureInfo.InvariantCulture, $"{results.Count(r => r.Passed)} of {results.Count} scenarios passed in {elapsed.TotalSeconds:0} s.");
    return text.ToString();
}
