using BackOffice.Workflows;
using BackOffice.Workflows.Time;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Starts the jobs side of a process: Hangfire's logging routed to this host, the recurring jobs registered, and, when
/// this process runs one, the Hangfire server with its workers. The server is built from this host's own storage and
/// services, never from Hangfire's process-wide statics, so several hosts in one process (tests) stay apart. All of it
/// begins <see cref="JobsOptions.StartAfterSeconds"/> after the app has started answering (<see cref="JobsStart"/>).
/// </summary>
internal sealed class JobsHost(
    JobStorage storage,
    IRecurringJobManager recurring,
    IOptions<JobsOptions> options,
    WorkflowsOptions workflows,
    DepartmentClock clock,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILoggerFactory loggers,
    IHostApplicationLifetime lifetime) : IHostedService, IDisposable
{
    private IDisposable? _logging;
    private readonly CancellationTokenSource _stopping = new();
    private BackgroundJobServerHostedService? _server;
    private Task? _deferred;
    private int _disposed;

    public bool RunsServer => options.Value.RunServer || options.Value.WorkerOnly;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _logging = HangfireLogBridge.Attach(loggers);
        if (options.Value.StartAfter <= TimeSpan.Zero) return StartJobsAsync(cancellationToken);

        // Later, in the background: the host goes on to answer requests meanwhile (JobsOptions.StartAfterSeconds).
        var stopping = _stopping.Token;
        _deferred = Task.Run(async () =>
        {
            try
            {
                await JobsStart.WaitAsync(lifetime, options.Value.StartAfter, time, stopping);
                await StartJobsAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopped before the jobs began.
            }
#pragma warning disable CA1031 // a failure here has no caller to reach: it is logged, and /health/ready reports the storage
            catch (Exception ex)
#pragma warning restore CA1031
            {
                loggers.CreateLogger<JobsHost>().LogError(ex, "The jobs could not be started");
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StartJobsAsync(CancellationToken cancellationToken)
    {
        BackOfficeRecurringJobs.Register(recurring, options.Value, clock.Zone, workflows.Retention);
        if (!RunsServer) return;

        var settings = options.Value;
        var serverOptions = new BackgroundJobServerOptions
        {
            ServerName = $"{Environment.MachineName}:{(settings.WorkerOnly ? "worker" : "web")}:{Environment.ProcessId}",
            WorkerCount = Math.Max(1, settings.WorkerCount),
            SchedulePollingInterval = TimeSpan.FromSeconds(Math.Max(0.1, settings.PollIntervalSeconds)),
            Activator = new AspNetCoreJobActivator(scopes),
        };
        var server = new BackgroundJobServerHostedService(storage, serverOptions, [], lifetime);
        await server.StartAsync(cancellationToken);
        _server = server;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may stop its services after disposing them, or while disposing them on another thread (test hosts do);
        // the token source is never disposed (it has no timer to release), so cancelling it is safe either way.
        await _stopping.CancelAsync();
        if (_deferred is not null) await _deferred;
        if (_server is not null) await _server.StopAsync(cancellationToken);
        _logging?.Dispose();
        _logging = null;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stopping.Cancel();
        _server?.Dispose();
        _logging?.Dispose();
    }
}
