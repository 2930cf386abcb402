using Hangfire.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Hangfire's log provider is one static for the whole process, and Hangfire's own AspNetCore provider binds it to the
/// logger factory of the host that configured it last: when that host stops, every other host's Hangfire logging
/// writes to a disposed factory (HTTP 500s in tests that run several hosts). This provider is set once and looks up
/// the newest live host's factory at each call; with none attached it logs nothing.
/// </summary>
internal sealed class HangfireLogBridge : ILogProvider
{
    private static readonly Lock Gate = new();
    private static readonly List<ILoggerFactory> Attached = [];
    private static bool _installed;

    private HangfireLogBridge() { }

    /// <summary>Routes Hangfire's logging to <paramref name="factory"/> until the returned handle is disposed.</summary>
    public static IDisposable Attach(ILoggerFactory factory)
    {
        lock (Gate)
        {
            if (!_installed)
            {
                LogProvider.SetCurrentLogProvider(new HangfireLogBridge());
                _installed = true;
            }

            Attached.Add(factory);
        }

        return new Detacher(factory);
    }

    public ILog GetLogger(string name) => new BridgedLog(name);

    private static ILoggerFactory? Current()
    {
        lock (Gate) return Attached.Count == 0 ? null : Attached[^1];
    }

    private sealed class Detacher(ILoggerFactory factory) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate) Attached.Remove(factory);
        }
    }

    private sealed class BridgedLog(string name) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            var factory = Current();
            if (factory is null) return false;
            try
            {
                var logger = factory.CreateLogger(name);
                var level = logLevel switch
                {
                    HangfireLevel.Trace => LogLevel.Trace,
                    HangfireLevel.Debug => LogLevel.Debug,
                    HangfireLevel.Info => LogLevel.Information,
                    HangfireLevel.Warn => LogLevel.Warning,
                    HangfireLevel.Error => LogLevel.Error,
                    _ => LogLevel.Critical,
                };
                if (messageFunc is null) return logger.IsEnabled(level);
                logger.Log(level, default, messageFunc(), exception, static (text, _) => text);
                return true;
            }
            catch (ObjectDisposedException)
            {
                // The host stopped between the lookup and the write.
                return false;
            }
        }
    }
}
