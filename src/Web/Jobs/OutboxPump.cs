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
/// never send one message twice. At most <see cref="JobsOptions.WorkerCount"/> dispatches are in progress at once, each
/// of up to <see cref="MaxBatch"/> rows claimed together and recorded together (<see cref="OutboxDispatcher.DispatchBatchAsync"/>).
/// </summary>
public sealed class OutboxPump(
    ChannelOutboxSignal signal,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<JobsOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxPump> logger) : BackgroundService
{
    /// <summary>The most rows one dispatch carries out together (<see cref="OutboxDispatcher.DispatchBatchAsync"/>).</summary>
    public const int MaxBatch = 32;

    private readonly ConcurrentDictionary<Guid, byte> _inProgress = new();
    private readonly List<Task> _running = [];

    public bool Runs => options.Value.RunServer || options.Value.WorkerOnly;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Runs) return;
        var settings = options.Value;
        try
        {
            await JobsStart.WaitAsync(lifetime, settings.StartAfter, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return; // stopped before the jobs began
        }

        using var slots = new SemaphoreSlim(Math.Max(1, settings.WorkerCount));
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, settings.PollIntervalSeconds));
        var nextPoll = time.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (time.GetUtcNow() >= nextPoll)
                {
                    foreach (var chunk in (await DueRowsAsync(settings.SweepBatchSize, stoppingToken)).Chunk(MaxBatch))
                    {
                        await slots.WaitAsync(stoppingToken);
                        Start([.. chunk.Where(id => _inProgress.TryAdd(id, 0))], slots);
                    }

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

                // A free slot first, then every id signalled meanwhile (up to MaxBatch) goes out as one batch: under load the
                // rows committed while the previous batches were sending share one claim commit and one outcome commit.
                while (true)
                {
                    await slots.WaitAsync(stoppingToken);
                    // Spread what is waiting over the free slots (a batch sends one message after another: one slot
                    // with everything while the others idle would only delay the last ones), up to MaxBatch each.
                    var take = Math.Clamp((signal.Reader.Count + slots.CurrentCount) / (slots.CurrentCount + 1), 1, MaxBatch);
                    var ready = new List<Guid>();
                    while (ready.Count < take && signal.Reader.TryRead(out var id))
                    {
                        if (_inProgress.TryAdd(id, 0)) ready.Add(id);
                    }

                    if (ready.Count == 0)
                    {
                        slots.Release();
                        break;
                    }

                    Start(ready, slots);
                    if (time.GetUtcNow() >= nextPoll) break; // a steady stream of signals must not starve the poll
                }
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

    /// <summary>Carries out <paramref name="ids"/> (already marked in progress) in a slot already taken, which it releases.</summary>
    private void Start(List<Guid> ids, SemaphoreSlim slots)
    {
        if (ids.Count == 0)
        {
            slots.Release();
            return;
        }

        var task = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(ids, CancellationToken.None);
            }
#pragma warning disable CA1031 // the rows keep their own state; the next poll finds them again if they are still due
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "{Count} outbox messages could not be dispatched; they stay due", ids.Count);
            }
            finally
            {
                foreach (var id in ids) _inProgress.TryRemove(id, out _);
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
