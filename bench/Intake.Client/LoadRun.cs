using System.Collections.Concurrent;
using System.Diagnostics;

namespace BackOffice.Intake.Client;

/// <summary>What one timed run measured: completed units, their rate, and the latencies of the measured call.</summary>
public sealed record LoadResult(int Completed, int Failed, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, string? FirstFailure)
{
    public double PerSecond => Completed / Elapsed.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);

    private double Percentile(double p)
    {
        if (LatenciesMs.Count == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

public static class LoadRun
{
    /// <summary>
    /// <paramref name="clients"/> workers each run <paramref name="unit"/> over and over until <paramref name="duration"/>
    /// has passed (a unit started before the end is finished and counted); a unit returns the latency it measures.
    /// </summary>
    public static async Task<LoadResult> ForAsync(int clients, TimeSpan duration, Func<CancellationToken, Task<TimeSpan>> unit)
    {
        var latencies = new ConcurrentBag<double>();
        var completed = 0;
        var failed = 0;
        string? firstFailure = null;
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var abort = new CancellationTokenSource(duration + TimeSpan.FromSeconds(60));
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                try
                {
                    var latency = await unit(abort.Token);
                    latencies.Add(latency.TotalMilliseconds);
                    Interlocked.Increment(ref completed);
                }
#pragma warning disable CA1031 // a failed unit is counted and reported, the run goes on
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, ex.Message, null);
                    if (abort.IsCancellationRequested) break;
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return new LoadResult(completed, failed, Stopwatch.GetElapsedTime(started), [.. latencies], firstFailure);
    }

    /// <summary>Runs <paramref name="unit"/> once per item with at most <paramref name="clients"/> at a time.</summary>
    public static async Task<LoadResult> EachAsync<T>(IReadOnlyList<T> items, int clients, Func<T, CancellationToken, Task<TimeSpan>> unit)
    {
        var latencies = new ConcurrentBag<double>();
        var completed = 0;
        var failed = 0;
        string? firstFailure = null;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (item, token) =>
        {
            try
            {
                latencies.Add((await unit(item, token)).TotalMilliseconds);
                Interlocked.Increment(ref completed);
            }
#pragma warning disable CA1031 // counted and reported
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref failed);
                Interlocked.CompareExchange(ref firstFailure, ex.Message, null);
            }
        });
        return new LoadResult(completed, failed, Stopwatch.GetElapsedTime(started), [.. latencies], firstFailure);
    }
}
