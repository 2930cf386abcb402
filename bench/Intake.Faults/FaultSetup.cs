using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BackOffice.Intake.Faults;

/// <summary>
/// What the scenarios share: the built app, its key, the work folder, and the settings every scenario starts the app
/// with (the load program's, plus jobs that poll and retry within seconds and a claim lease of 15 seconds, so a
/// fault's aftermath settles within a run).
/// </summary>
internal sealed class FaultSetup(string repository, string webDll, string keyFile, string work, FaultOptions options)
{
    public const string DemoPassword = "Faults-Passw0rd!";
    private readonly List<AppProcess> _started = [];
    private readonly List<Action> _atAbort = [];

    public FaultOptions Options { get; } = options;
    public string Work { get; } = work;

    /// <summary>Production settings for an app whose data directory is <paramref name="data"/>.</summary>
    public Dictionary<string, string> Environment(string data) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["BackOffice__DataDirectory"] = data,
        ["BackOffice__Encryption__KeyFile"] = keyFile,
        ["BackOffice__Http__RequireHttps"] = "false",
        // Host filtering admits the public base URL's host only.
        ["BackOffice__Site__PublicBaseUrl"] = "http://127.0.0.1",
        ["BackOffice__Demo__Password"] = DemoPassword,
        // Only the forms sent here in the database: every request stored must be one a form confirmed.
        ["BackOffice__Demo__SeedRequests"] = "false",
        // Every simulated person comes from 127.0.0.1: the per-address upload limit would count them as one visitor.
        ["BackOffice__Documents__UploadsPerAddress"] = "100000000",
        ["BackOffice__Documents__UploadBytesPerAddress"] = "1000000000000",
        // Jobs within seconds: an idle worker looks every second, a failed send is due again after 1, 2, 4 ... s (the
        // outbox sweep still runs once a minute), and an attempt cut off by a kill becomes an incident after 15 s.
        ["BackOffice__Jobs__PollIntervalSeconds"] = "1",
        ["BackOffice__Jobs__RetryDelaySeconds"] = "1",
        ["BackOffice__Jobs__ClaimLeaseMinutes"] = "0.25",
        // No mailing batch in the middle of a run (it would move requests on).
        ["BackOffice__Jobs__MailingBatchAt"] = "",
    };

    /// <summary>Starts the app as its own process (logging to <c>&lt;work&gt;/&lt;name&gt;.log</c>) and waits until it is healthy.</summary>
    public async Task<(AppProcess App, TimeSpan ToHealthy)> StartAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        var app = AppProcess.Start(webDll, Path.Combine(repository, "src/Web"), Path.Combine(Work, name + ".log"), environment);
        lock (_started) _started.Add(app);
        return (app, await app.WaitHealthyAsync(TimeSpan.FromSeconds(120)));
    }

    /// <summary>Something to undo if the run is stopped (a database server it started).</summary>
    public void AtAbort(Action undo)
    {
        lock (_atAbort) _atAbort.Add(undo);
    }

    /// <summary>SIGKILLs every app this run started that is still running and undoes the rest (the watchdog's and
    /// Ctrl+C's last resort).</summary>
    public void KillAll()
    {
        lock (_started)
        {
            foreach (var app in _started)
            {
                try
                {
                    if (!app.HasExited) app.Kill();
                }
                catch (InvalidOperationException)
                {
                    // Disposed: it was stopped already.
                }
            }
        }

        lock (_atAbort)
        {
            foreach (var undo in _atAbort)
            {
#pragma warning disable CA1031 // best effort on the way out
                try { undo(); } catch (Exception) { }
#pragma warning restore CA1031
            }
        }
    }

    public static HttpClient Client(Uri address) => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 256 })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Waits until <c>/health</c> answers 200; the time it took, or null after the timeout.</summary>
    public static async Task<TimeSpan?> WaitHealthyAsync(Uri address, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK) return Stopwatch.GetElapsedTime(started);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }

        return null;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a command to its end (at most five minutes) and throws when it fails.</summary>
    public static void Run(string file, params string[] arguments) => Run(file, arguments, quiet: false);

    /// <summary>The same, its output kept and shown only when it fails.</summary>
    public static void RunQuietly(string file, params string[] arguments) => Run(file, arguments, quiet: true);

    private static void Run(string file, string[] arguments, bool quiet)
    {
        var info = new ProcessStartInfo(file, arguments) { UseShellExecute = false, RedirectStandardOutput = quiet, RedirectStandardError = quiet };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
        var output = quiet ? Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync()) : Task.FromResult<string[]>([]);
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in 5 minutes");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {string.Join('\n', output.Result)}");
    }
}
