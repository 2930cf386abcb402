using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// Fires timers that are due, including any missed while the app was down. A timer whose request has
/// moved on (left the state it was set in, or closed) is retired as stale and does nothing.
/// </summary>
public sealed class TimerSweeper(BackOfficeDbContext db, LifecycleEngine engine, DefinitionRegistry definitions,
    DepartmentClock clock, ILogger<TimerSweeper> logger)
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
        var request = await engine.LoadAsync(timer.RequestId, cancellationToken);
        var definition = definitions.Get(request.DefinitionName, request.DefinitionVersion);
        var stale = definition.IsFinal(request.State)
            || (timer.StateSequence is not null && timer.StateSequence != request.StateSequence);
        if (stale)
        {
            timer.Complete(TimerOutcome.Stale, clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        timer.Complete(TimerOutcome.Fired, clock.Now);
        try
        {
            if (timer.Trigger is not null)
            {
                await engine.FireAsync(request, timer.Trigger, Actor.System, new TriggerArgs(comment: timer.Comment ?? $"timer {timer.Name}"), cancellationToken);
            }
            else
            {
                await new TransitionRun(engine, definition, request, Actor.System, TriggerArgs.None, "Timer:" + timer.Name)
                    .ExecuteTimerActivityAsync(timer.Name, timer.Activity!, cancellationToken);
            }
        }
        catch (TransitionRefusedException ex)
        {
            logger.LogWarning("Timer {Timer} on request {RequestId} was refused: {Reason}", timer.Name, request.Id, ex.Message);
            db.ChangeTracker.Clear();
            var refused = await db.Timers.FirstAsync(t => t.Id == timerId, cancellationToken);
            refused.Complete(TimerOutcome.Refused, clock.Now);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A clerk changed the request at the same moment; the timer stays pending for the next sweep.
            db.ChangeTracker.Clear();
        }
    }
}
