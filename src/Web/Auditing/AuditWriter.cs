using System.Threading.Channels;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Persistence;

namespace BackOffice.Web.Auditing;

/// <summary>
/// Writes audit rows durably with group commit: every row waiting when the writer is free goes into one transaction
/// (one disk flush for all of them), and each caller's task completes only after that commit — so a page is still
/// answered only once its audit row is on disk, but a hundred concurrent page views cost one flush, not a hundred.
/// If a batch cannot be written, its rows are written one by one, so one bad row fails only its own caller.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, WriteGate gate, ILogger<AuditWriter> logger) : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EnsureRunning();
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The audit writer has stopped.");
        return pending.Written.Task.WaitAsync(cancellationToken);
    }

    private void EnsureRunning()
    {
        if (_loop is not null) return;
        lock (_start) _loop ??= Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await SaveAsync(batch);
                foreach (var pending in batch) pending.Written.TrySetResult();
            }
#pragma warning disable CA1031 // each caller gets its own outcome below
            catch (Exception batchError)
#pragma warning restore CA1031
            {
                logger.LogWarning(batchError, "An audit batch of {Count} rows could not be written; writing them one by one", batch.Count);
                foreach (var pending in batch)
                {
                    try
                    {
                        await SaveAsync([pending]);
                        pending.Written.TrySetResult();
                    }
#pragma warning disable CA1031 // handed to the caller, whose action then fails
                    catch (Exception error)
#pragma warning restore CA1031
                    {
                        pending.Written.TrySetException(error);
                    }
                }
            }

            batch.Clear();
        }
    }

    private async Task SaveAsync(IReadOnlyList<Pending> batch)
    {
        // A fresh context per batch: a failed batch must not leave its rows tracked for the next one.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        db.Audit.AddRange(batch.Select(p => p.Entry));
        await gate.SaveChangesAsync(db, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop;
    }

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Written);
}
