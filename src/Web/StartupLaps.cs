using System.Diagnostics;

namespace BackOffice.Web;

/// <summary>
/// How long each part of start-up took, logged once as one line ("host 390 ms, models 871 ms, …"), so an operator
/// can see where a slow start went without a profiler.
/// </summary>
internal sealed class StartupLaps
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<string> _laps;
    private long _last;

    public StartupLaps()
    {
        using var process = Process.GetCurrentProcess();
        _laps = [$"host {(DateTime.Now - process.StartTime).TotalMilliseconds:0} ms"];
    }

    public void Lap(string name)
    {
        var now = _watch.ElapsedMilliseconds;
        _laps.Add($"{name} {now - _last} ms");
        _last = now;
    }

    public override string ToString() => string.Join(", ", _laps);
}
