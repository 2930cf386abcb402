using System.Collections.Concurrent;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Dispatches outbox rows in a process that runs jobs (the web app by default, or a worker), without Hangfire: the
/// outbox row is the durable record, so a commit need not write a job to Hangfire's store as well (that write was most
/// of an accepted request's fsyncs). Rows committed in this process arrive through <see cref="ChannelOutboxSignal"/> and
/// go out at once; every <see cref="JobsOptions.PollIntervalSeconds"/> the pump also reads the due rows from the
/// database — rows committed on a web node without jobs, signals lost to a stop, and rows whose pause after a failure
/// is over. Each row is carried out by <see cref="OutboxDispatcher"/>, which claims it first, so pumps on several nodes
/// never send one message twice. At most <see cref="JobsOptions.WorkerCount"/> rows are in progress at once.
/// </summary>
public sealed class OutboxPump(
    ChannelOutboxSignal signal,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<JobsOptions> options,
    ILogger<OutboxPump> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, byte> _inProgress = new();
    private readonly List<Task> _running = [];

    public bool Runs => options.Value.RunServer || options.Value.WorkerOnly;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Runs) return;
        var settings = options.Value;
        using var slots = new SemaphoreSlim(Math.Max(1, settings.WorkerCount));
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, settings.PollIntervalSeconds));
        var nextPoll = time.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (time.GetUtcNow() >= nextPoll)
                {
                    foreach (var id in await DueRowsAsync(settings.SweepBatchSize, stoppingToken)) await StartAsync(id, slots, stoppingToken);
                    nextPoll = time.GetUtcNow() + poll;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(poll);
                try
                {
                    await signal.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    continue; // time to poll
                }

                while (signal.Reader.TryRead(out var id)) await StartAsync(id, slots, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Let what is in progress finish: a send cut off mid-way would be left claimed (an incident, not a resend).
        Task[] running;
        lock (_running) running = [.. _running];
        await Task.WhenAll(running);
    }

    private async Task StartAsync(Guid id, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        if (!_inProgress.TryAdd(id, 0)) return;
        await slots.WaitAsync(stoppingToken);
        var task = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(id, CancellationToken.None);
            }
#pragma warning disable CA1031 // the row keeps its own state; the next poll finds it again if it is still due
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Outbox message {OutboxId} could not be dispatched; it stays due", id);
            }
            finally
            {
                _inProgress.TryRemove(id, out _);
                slots.Release();
            }
        }, CancellationToken.None);
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    private async Task<List<Guid>> DueRowsAsync(int batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
            var now = time.GetUtcNow();
            // Every pending row, new ones included: a row this process is already sending is skipped by StartAsync,
            // one another pump is sending is refused by its claim.
            return await DueOutboxRows.ReadAsync(db, now, now, batch, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away (restarting, failing over): the rows wait there; try again at the next poll.
            logger.LogWarning(ex, "Could not read the due outbox rows; trying again at the next poll");
            return [];
        }
    }
}
