using System.Diagnostics.Metrics;
using BackOffice.Workflows.Queue;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Telemetry;

/// <summary>
/// The open requests per state and the overdue count as metrics (gauges). Counting asks the database, so it is done
/// every <see cref="TelemetryOptions.RequestFiguresSeconds"/> in the background (the work queue's own count, so the
/// figures agree with the staff screens) and the gauges read the last count; a failed count keeps the previous one
/// and is logged. The figures are the whole database's: every node reports the same, so aggregate them with max.
/// </summary>
public sealed class RequestFigures(IServiceScopeFactory scopes, IMeterFactory meters, IOptions<TelemetryOptions> options,
    ILogger<RequestFigures> logger) : BackgroundService
{
    public const string Name = "BackOffice.Requests";

    private volatile QueueCounts? _last;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // From the host's meter factory: the gauges go with the host (a second host in the process has its own).
        var meter = meters.Create(Name);
        meter.CreateObservableGauge("backoffice.requests.open", OpenByState, "{request}", "Open requests now, by lifecycle state.");
        meter.CreateObservableGauge("backoffice.requests.overdue", () => _last?.Overdue ?? 0, "{request}",
            "Open requests past their due date now.");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RequestFiguresSeconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                _last = await scope.ServiceProvider.GetRequiredService<RequestQueue>()
                    .CountUncachedAsync(QueueFilter.DefaultDueWithinDays, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The open requests could not be counted for the metrics; the previous count stays");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private IEnumerable<Measurement<int>> OpenByState() =>
        _last?.OpenByState.Select(s => new Measurement<int>(s.Value, new KeyValuePair<string, object?>("backoffice.request.state", s.Key)))
        ?? [];
}
