using System.Globalization;
using System.Text;

namespace BackOffice.Intake.Load;

/// <summary>Collects each round's figures and prints medians with their ratios to the baselines, as Markdown.</summary>
public sealed class Report(LoadOptions options)
{
    private readonly List<(string What, double Value, string Unit)> _singles = [];
    private readonly List<(LoadResult Bare, LoadResult App, double CpuMs, LoadResult Raw)> _intake = [];
    private readonly List<(int Forms, LoadResult Send, LoadResult Raw)> _final = [];
    private readonly List<(LoadResult Bare, LoadResult App)> _queue = [];

    public void Add(string what, double value, string unit)
    {
        _singles.Add((what, value, unit));
        Console.WriteLine($"  {what}: {value:0.00} {unit}");
    }

    public void Round(int round, LoadResult bare, LoadResult app, double cpuMs, LoadResult raw)
    {
        _intake.Add((bare, app, cpuMs, raw));
        Console.WriteLine($"  intake: bare {bare.PerSecond:0.0}/s, BackOffice {app.PerSecond:0.0}/s ({app.PerSecond / bare.PerSecond:P1}), " +
            $"send p50 {app.P50:0.0} ms p99 {app.P99:0.0} ms, {cpuMs:0.0} ms CPU a request; raw {raw.PerSecond:0}/s");
    }

    public void FinalStep(int round, int forms, LoadResult send, LoadResult raw)
    {
        _final.Add((forms, send, raw));
        Console.WriteLine($"  final step alone: {send.Completed} of {forms} sent at {send.PerSecond:0.0}/s ({send.PerSecond / raw.PerSecond:P1} of raw), p50 {send.P50:0.0} ms p99 {send.P99:0.0} ms");
    }

    public void Queue(int round, LoadResult bare, LoadResult app)
    {
        _queue.Add((bare, app));
        Console.WriteLine($"  queue: bare {bare.PerSecond:0}/s, BackOffice {app.PerSecond:0}/s ({app.PerSecond / bare.PerSecond:P1}), p50 {app.P50:0.0} ms p99 {app.P99:0.0} ms");
    }

    public void Print(string file)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Medians of {options.Rounds} interleaved rounds, {options.Clients} concurrent clients, {options.Seconds} s a run, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; BackOffice published {(options.SelfContained ? "self-contained, one composite image" : "framework-dependent")}.");
        text.AppendLine();
        text.AppendLine("| figure | BackOffice | baseline | ratio |");
        text.AppendLine("|---|---:|---:|---:|");
        if (_intake.Count > 0)
        {
            var bare = Median(_intake.Select(r => r.Bare.PerSecond));
            var app = Median(_intake.Select(r => r.App.PerSecond));
            var raw = Median(_intake.Select(r => r.Raw.PerSecond));
            text.AppendLine(c, $"| complete online requests/s (17 calls) vs the bare app | {app:0.0} | {bare:0.0} | {app / bare:P1} |");
            text.AppendLine(c, $"| final step p50 / p99 under that load | {Median(_intake.Select(r => r.App.P50)):0.0} / {Median(_intake.Select(r => r.App.P99)):0.0} ms | {Median(_intake.Select(r => r.Bare.P50)):0.0} / {Median(_intake.Select(r => r.Bare.P99)):0.0} ms | |");
            text.AppendLine(c, $"| app CPU per complete request | {Median(_intake.Select(r => r.CpuMs)):0.0} ms | | |");
            text.AppendLine(c, $"| complete requests/s vs raw durable inserts of the same rows (1 commit each) | {app:0.0} | {raw:0} | {app / raw:P1} |");
            text.AppendLine(c, $"| failed complete requests (all rounds) | {_intake.Sum(r => r.App.Failed)} | {_intake.Sum(r => r.Bare.Failed)} | |");
        }

        if (_final.Count > 0)
        {
            var send = Median(_final.Select(r => r.Send.PerSecond));
            var raw = Median(_final.Select(r => r.Raw.PerSecond));
            text.AppendLine(c, $"| final step alone ({_final[0].Forms} prepared forms sent): sends/s vs raw durable inserts | {send:0.0} | {raw:0} | {send / raw:P1} |");
            text.AppendLine(c, $"| final step alone p50 / p99 | {Median(_final.Select(r => r.Send.P50)):0.0} / {Median(_final.Select(r => r.Send.P99)):0.0} ms | {Median(_final.Select(r => r.Raw.P50)):0.00} / {Median(_final.Select(r => r.Raw.P99)):0.00} ms | |");
        }

        if (_queue.Count > 0)
        {
            var bare = Median(_queue.Select(r => r.Bare.PerSecond));
            var app = Median(_queue.Select(r => r.App.PerSecond));
            text.AppendLine(c, $"| staff queue views/s (signed in, each audited) vs the bare app | {app:0} | {bare:0} | {app / bare:P1} |");
            text.AppendLine(c, $"| staff queue p50 / p99 | {Median(_queue.Select(r => r.App.P50)):0.0} / {Median(_queue.Select(r => r.App.P99)):0.0} ms | {Median(_queue.Select(r => r.Bare.P50)):0.0} / {Median(_queue.Select(r => r.Bare.P99)):0.0} ms | |");
        }

        foreach (var (what, value, unit) in _singles) text.AppendLine(c, $"| {what} | {value:0.00} {unit} | | |");
        Console.WriteLine();
        Console.WriteLine(text);
        File.WriteAllText(file, text.ToString());
        Console.WriteLine($"Written to {file}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
