using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BackOffice.Intake.Client;

/// <summary>An app started as its own process on a free loopback port, its output kept in a log file.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppProcess(Process process, StreamWriter log, Uri address, long startedAt)
    {
        _process = process;
        _log = log;
        Address = address;
        StartedAt = startedAt;
    }

    public Uri Address { get; }
    public long StartedAt { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet dll</c> with <paramref name="contentRoot"/> as its working folder and content root (as
    /// <c>dotnet run</c> does: the project folder, where wwwroot is). A self-contained publish is started by its own
    /// executable beside the dll, as README's unit for that option starts it.</summary>
    public static AppProcess Start(string dll, string contentRoot, string logFile, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var executable = SelfContainedExecutable(dll);
        var info = new ProcessStartInfo(executable ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (executable is null) info.ArgumentList.Add(dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(address.ToString().TrimEnd('/'));
        info.ArgumentList.Add("--contentRoot");
        info.ArgumentList.Add(contentRoot);
        info.WorkingDirectory = contentRoot;
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, log, address, started);
    }

    /// <summary>The app's own executable when <paramref name="dll"/> was published self-contained (its runtimeconfig names the
    /// frameworks it includes rather than those it needs); null for a framework-dependent app, run by <c>dotnet</c>.</summary>
    public static string? SelfContainedExecutable(string dll)
    {
        ArgumentNullException.ThrowIfNull(dll);
        var executable = Path.ChangeExtension(dll, null);
        var runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
        return File.Exists(executable) && File.Exists(runtimeConfig)
            && File.ReadAllText(runtimeConfig).Contains("\"includedFrameworks\"", StringComparison.Ordinal)
            ? executable
            : null;
    }

    /// <summary>Waits for <c>/health</c> to answer 200 and returns the time from process start.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the app exited with {_process.ExitCode} before it was healthy");
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return Stopwatch.GetElapsedTime(StartedAt);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(10);
        }

        throw new TimeoutException($"{Address} was not healthy within {timeout}");
    }

    /// <summary>Resident set size in MB (VmRSS).</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }

    /// <summary>CPU time the process has used so far (user + system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>SIGKILL: no shutdown, no flush — what a power cut or an OOM kill does to the process.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // A clean stop (SIGTERM) so the app finishes what it was writing.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
