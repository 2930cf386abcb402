using System.Collections.Concurrent;
using BackOffice.Web.Encryption;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace BackOffice.Web.Tests.Support;

/// <summary>
/// The real app on a real database: a SQLite file in a fresh data directory unless told otherwise. The demo staff
/// accounts are seeded with <see cref="DemoPassword"/> unless the settings say otherwise; everything the app logs
/// is kept in <see cref="LogMessages"/>.
/// </summary>
public sealed class BackOfficeFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Passw0rd-For-Tests";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDataDirectory;
    private readonly CapturingLoggerProvider _logs;

    /// <summary>The setting that makes the factory keep every log line at every level, scopes included (the log tests).</summary>
    public const string CaptureAllLogs = "Tests:CaptureAllLogs";

    /// <summary>The setting that turns telemetry on (the Prometheus scrape endpoint) and keeps every span the app's
    /// tracer exports in <see cref="Spans"/>. Spans come from process-wide sources: run such tests in a collection that
    /// runs alone.</summary>
    public const string CaptureTelemetry = "Tests:CaptureTelemetry";

    private readonly LockedCollection<System.Diagnostics.Activity> _spans = new();

    /// <param name="settings">Configuration; a <c>BackOffice:DataDirectory</c> given here is used and kept (to start
    /// the app twice on one database), otherwise a fresh one is made and deleted on dispose.</param>
    public BackOfficeFactory(IDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        var everything = _settings.TryGetValue(CaptureAllLogs, out var all) && all == "true";
        _logs = new CapturingLoggerProvider(everything ? LogLevel.Trace : LogLevel.Information);
        if (everything)
        {
            // Every category the shipped settings quiet, opened too: an operator may turn any of them up.
            foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore.Database.Command" })
                _settings["Logging:LogLevel:" + category] = "Trace";
        }
        if (_settings.TryGetValue(CaptureTelemetry, out var telemetry) && telemetry == "true")
            _settings["BackOffice:Telemetry:Prometheus:Enabled"] = "true";
        _ownsDataDirectory = !_settings.TryGetValue("BackOffice:DataDirectory", out var given) || given is null;
        DataDirectory = _ownsDataDirectory
            ? Path.Combine(Path.GetTempPath(), "backoffice-web-tests", Guid.NewGuid().ToString("N"))
            : given!;
        _settings["BackOffice:DataDirectory"] = DataDirectory;
        _settings.TryAdd("BackOffice:Demo:Password", DemoPassword);
        // Tests make their own requests; the demo ones are seeded only where a test asks for them.
        _settings.TryAdd("BackOffice:Demo:SeedRequests", "false");
        // Jobs are enqueued but not run unless a test asks: a Hangfire server per host would make every test slower
        // and racy. Tests that need jobs run them directly, or set RunServer (see Jobs/JobServers).
        _settings.TryAdd("BackOffice:Jobs:RunServer", "false");
        // A test that runs the jobs wants them at once, not after the production pause that lets a node answer first.
        _settings.TryAdd("BackOffice:Jobs:StartAfterSeconds", "0");
        // Stored files are encrypted with a key kept outside every test's data directory, as in production.
        _settings.TryAdd("BackOffice:Encryption:KeyFile", TestEncryption.KeyFile);
        // The test server speaks plain HTTP on loopback (as a node behind a TLS-ending proxy does); browser tests reach
        // Kestrel by address, not by the public host name.
        _settings.TryAdd("BackOffice:Http:RequireHttps", "false");
        _settings.TryAdd("BackOffice:Http:AllowedHosts:0", "127.0.0.1");
    }

    public string DataDirectory { get; }

    /// <summary>Replaces services after the app registered its own (e.g. a <c>FakeTimeProvider</c> as <see cref="TimeProvider"/>).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The plain content of a file the app stored encrypted (a document, a mailing batch).</summary>
    public byte[] ReadStoredFile(string path) =>
        Services.GetRequiredService<AtRestEncryption>().Decrypt(File.ReadAllBytes(path), path);

    /// <summary>Every message logged so far, as "category: message".</summary>
    public IReadOnlyCollection<string> LogMessages => _logs.Messages;

    /// <summary>The messages logged at Error or Critical so far, as "category: message" with the exception's type.</summary>
    public IReadOnlyCollection<string> ErrorLogMessages => _logs.Errors;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        if (ConfigureServices is not null) builder.ConfigureTestServices(ConfigureServices);
        if (_settings.TryGetValue(CaptureTelemetry, out var telemetry) && telemetry == "true")
            builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans)));
    }

    /// <summary>The spans exported so far (with <see cref="CaptureTelemetry"/>), after flushing the tracer.</summary>
    public IReadOnlyList<System.Diagnostics.Activity> Spans
    {
        get
        {
            Services.GetRequiredService<OpenTelemetry.Trace.TracerProvider>().ForceFlush();
            return [.. _spans];
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDataDirectory && Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }

    private sealed class CapturingLoggerProvider(LogLevel minimum) : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();
        private readonly ConcurrentQueue<string> _errors = new();

        public IReadOnlyCollection<string> Messages => _messages.ToArray();

        public IReadOnlyCollection<string> Errors => _errors.ToArray();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, minimum, _messages, _errors);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(string category, LogLevel minimum, ConcurrentQueue<string> messages, ConcurrentQueue<string> errors) : ILogger
        {
            // Scopes are kept as lines of their own when everything is captured: a scope's values reach log collectors too.
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                if (minimum <= LogLevel.Trace) messages.Enqueue($"{category} [scope]: {Describe(state)}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                // Everything captured: the exception whole, inner ones included, as a console or collector writes it.
                messages.Enqueue(minimum <= LogLevel.Trace
                    ? $"{category}: {formatter(state, exception)} {Describe(state)} {exception}"
                    : $"{category}: {formatter(state, exception)}");
                if (logLevel >= LogLevel.Error) errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name}");
            }

            // Structured state as a log collector stores it: each named value, not only the formatted message.
            private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
                ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
                : state?.ToString() ?? "";
        }
    }
}
