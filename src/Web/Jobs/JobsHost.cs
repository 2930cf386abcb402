using BackOffice.Workflows;
using BackOffice.Workflows.Time;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Starts the jobs side of a process: Hangfire's logging routed to this host, the recurring jobs registered, and, when
/// this process runs one, the Hangfire server with its workers. The server is built from this host's own storage and
/// services, never from Hangfire's process-wide statics, so several hosts in one process (tests) stay apart.
/// </summary>
internal sealed class JobsHost(
    JobStorage storage,
    IRecurringJobManager recurring,
    IOptions<JobsOptions> options,
    WorkflowsOptions workflows,
    DepartmentClock clock,
    IServiceScopeFactory scopes,
    ILoggerFactory loggers,
    IHostApplicationLifetime lifetime) : IHostedService, IDisposable
{
    private IDisposable? _logging;
    private BackgroundJobServerHostedService? _server;

    public bool RunsServer => options.Value.RunServer || options.Value.WorkerOnly;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _logging = HangfireLogBridge.Attach(loggers);
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
        _server = new BackgroundJobServerHostedService(storage, serverOptions, [], lifetime);
        await _server.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null) await _server.StopAsync(cancellationToken);
        _logging?.Dispose();
        _logging = null;
    }

    public void Dispose()
    {
        _server?.Dispose();
        _logging?.Dispose();
    }
}
