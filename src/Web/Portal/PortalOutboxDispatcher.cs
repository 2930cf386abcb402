using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Portal;

/// <summary>
/// A minimal in-process outbox dispatcher until the Hangfire jobs arrive: it reads the ids the engine signals
/// after each commit, and every minute sweeps for pending rows (signals are lost on restart or when the channel is
/// full; the rows are not). One loop, so this node never handles two messages at once.
/// </summary>
public sealed class PortalOutboxDispatcher(ChannelOutboxSignal signal, IServiceScopeFactory scopes, ILogger<PortalOutboxDispatcher> logger)
    : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await SweepAsync(stoppingToken);
            using var untilSweep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            untilSweep.CancelAfter(SweepInterval);
            try
            {
                while (await signal.Reader.WaitToReadAsync(untilSweep.Token))
                {
                    while (signal.Reader.TryRead(out var id)) await HandleAsync(id, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Time for the sweep.
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            List<Guid> pending;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
                pending = await PortalOutboxHandler.Pending(db.Outbox).OrderBy(o => o.CreatedAt).Select(o => o.Id).Take(100)
                    .ToListAsync(stoppingToken);
            }

            foreach (var id in pending) await HandleAsync(id, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Outbox sweep failed; retrying in {Interval}", SweepInterval);
        }
    }

    private async Task HandleAsync(Guid outboxMessageId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PortalOutboxHandler>().HandleAsync(outboxMessageId, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Outbox message {OutboxId} could not be handled", outboxMessageId);
        }
    }
}
