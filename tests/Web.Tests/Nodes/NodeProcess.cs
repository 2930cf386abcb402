using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BackOffice.Web.Tests.Nodes;

/// <summary>
/// One process of the built app (<c>dotnet BackOffice.Web.dll</c>, copied beside the tests because Web.Tests references
/// the Web project) on a free loopback port, with its settings in the environment as an operator would give them. What
/// it writes to the console goes to <see cref="LogFile"/> and is kept for failure messages.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StreamWriter _log;
    private bool _closed;

    private NodeProcess(string name, int port, Process process, string logFile)
    {
        Name = name;
        Port = port;
        _process = process;
        LogFile = logFile;
        _log = new StreamWriter(logFile, append: false) { AutoFlush = true };
    }

    public string Name { get; }
    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public string LogFile { get; }

    /// <summary>Everything the process wrote so far, one entry per line.</summary>
    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public static NodeProcess Start(string name, int port, IReadOnlyDictionary<string, string> settings, string logFile, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo(DotnetHost(), [AppPath, .. arguments, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Only what the node is given: nothing of this test run's own environment that would configure the app.
        foreach (var key in start.Environment.Keys.Where(IsAppSetting).ToList()) start.Environment.Remove(key);
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var node = new NodeProcess(name, port, process, logFile);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Runs a command of the app (<c>encryption new-key …</c>) to its end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost(), [AppPath, .. arguments])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Waits until <c>/health</c> answers Healthy; fails with the node's output when it stops or takes too long.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan patience)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + patience;
        string last = "no answer yet";
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
                throw new ShouldAssertException($"node {Name} stopped with exit code {_process.ExitCode} before it was healthy:\n{Tail()}");
            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == HttpStatusCode.OK && last.Contains("\"Healthy\"", StringComparison.Ordinal)) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(250);
        }

        throw new ShouldAssertException($"node {Name} was not healthy within {patience.TotalSeconds} s (last: {last}):\n{Tail()}");
    }

    /// <summary>The last lines the node wrote, for a failure message.</summary>
    public string Tail(int count = 60) => string.Join('\n', Lines.TakeLast(count));

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }

        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        lock (_log)
        {
            // Output still arriving from a process being killed has nowhere to go.
            if (!_closed) _log.WriteLine(line);
        }
    }

    private static string AppPath => Path.Combine(AppContext.BaseDirectory, "BackOffice.Web.dll");

    // `dotnet test` names the host it runs with; outside it, the one on the PATH.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static bool IsAppSetting(string key) =>
        key.StartsWith("BackOffice__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase);
}
