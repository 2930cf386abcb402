using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Telemetry;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// Fires timers that are due, including any missed while the app was down, each through
/// <see cref="LifecycleEngine.FireTimerAsync"/> in a unit of work of its own. A timer whose request has
/// moved on (left the state it was set in, or closed) is retired as stale and does nothing.
/// </summary>
public sealed class TimerSweeper(BackOfficeDbContext db, LifecycleEngine engine, DepartmentClock clock)
{
    public async Task<int> FireDueAsync(int batchSize = 200, CancellationToken cancellationToken = default)
    {
        var now = clock.Now;
        var due = await db.Timers.AsNoTracking()
            .Where(t => t.CompletedAt == null && t.DueAt <= now)
            .OrderBy(t => t.DueAt)
            .Select(t => t.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            await FireAsync(id, cancellationToken);
        }

        return due.Count;
    }

    private async Task FireAsync(Guid timerId, CancellationToken cancellationToken)
    {
        var timer = await db.Timers.FirstAsync(t => t.Id == timerId, cancellationToken);
        try
        {
            LifecycleTelemetry.TimerHandled((await engine.FireTimerAsync(timer, cancellationToken)).ToString());
        }
        catch (ConcurrencyConflictException)
        {
            LifecycleTelemetry.TimerHandled("conflict");
            // A clerk changed the request at the same moment; the timer stays pending for the next sweep.
            db.ChangeTracker.Clear();
        }
    }
}
