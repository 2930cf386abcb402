using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// Runs requests through their lifecycle. Each call is one database transaction: the new state, the
/// journal entry, outbox rows and timers commit together or not at all; side effects are signalled
/// only after the commit.
/// </summary>
public sealed class LifecycleEngine
{
    public const string RecordsRequestLifecycle = "records-request";
    public const string SubmitTrigger = "Submit";

    private readonly BackOfficeDbContext _db;
    private readonly DefinitionRegistry _definitions;
    private readonly DepartmentClock _clock;
    private readonly MachineBuilder _machines;
    private readonly ILogger _logger;
    private readonly TransitionServices _services;

    public LifecycleEngine(
        BackOfficeDbContext db,
        DefinitionRegistry definitions,
        GuardCatalog guards,
        ActivityCatalog activities,
        MachineBuilder machines,
        DepartmentClock clock,
        IOutboxSignal outboxSignal,
        WriteGate writeGate,
        Organisations.WebhookSubscriptions webhooks,
        ILogger<LifecycleEngine> logger)
    {
        _db = db;
        _definitions = definitions;
        _clock = clock;
        _machines = machines;
        _logger = logger;
        _services = new TransitionServices(db, clock, new TransitionChooser(guards, clock), activities, machines, outboxSignal, writeGate, webhooks, logger);
    }

    /// <summary>Creates a request from a valid draft and enters it into the lifecycle as its initial state.</summary>
    public Task<RecordsRequest> StartAsync(RecordsRequestDraft draft, DateOnly receivedOn, Actor actor,
        CancellationToken cancellationToken = default) =>
        StartAsync(draft, receivedOn, actor, [], cancellationToken);

    /// <summary>
    /// Creates a request from a valid draft and enters it into the lifecycle, taking over the staged uploads
    /// <paramref name="stagedUploads"/> (storage keys) in the same commit: their <see cref="Uploads.StagedUpload"/> rows are
    /// deleted with the request's creation, so the abandoned-uploads job never sees a file a request holds. If any of
    /// them is no longer staged (replaced, or deleted as abandoned) nothing is saved and
    /// <see cref="Uploads.MissingUploadsException"/> names them.
    /// </summary>
    public async Task<RecordsRequest> StartAsync(RecordsRequestDraft draft, DateOnly receivedOn, Actor actor,
        IReadOnlyCollection<string> stagedUploads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stagedUploads);
        var definition = _definitions.Latest(RecordsRequestLifecycle);
        var request = RecordsRequest.Create(draft, receivedOn);
        request.DefinitionName = definition.Name;
        request.DefinitionVersion = definition.Version;
        _db.Requests.Add(request);

        var run = new TransitionRun(_services, definition, request, actor, TriggerArgs.None, SubmitTrigger)
        {
            StagedUploadsToTake = [.. stagedUploads.Distinct(StringComparer.Ordinal)],
        };
        await run.ExecuteStartAsync(cancellationToken);
        return request;
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> on a request. <paramref name="expectedVersion"/> is the version
    /// the person saw; if the request changed since, the call fails with a conflict instead of
    /// overwriting what the other person did.
    /// </summary>
    public async Task<FireResult> FireAsync(Guid requestId, string trigger, Actor actor, TriggerArgs args,
        int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var request = await LoadAsync(requestId, cancellationToken);
        if (expectedVersion is not null && expectedVersion != request.Version)
            throw new ConcurrencyConflictException(requestId);
        return await FireAsync(request, trigger, actor, args, cancellationToken);
    }

    public async Task<FireResult> FireAsync(RecordsRequest request, string trigger, Actor actor, TriggerArgs args,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = _definitions.Get(request.DefinitionName, request.DefinitionVersion);
        var run = new TransitionRun(_services, definition, request, actor, args, trigger);
        return await run.ExecuteFireAsync(cancellationToken);
    }

    /// <summary>
    /// Fires a due timer on its request. The timer is marked fired in the same transaction as what it does (its
    /// trigger's transition, or its activity and a journal line). A timer whose request has moved on (left the state
    /// it was set in, or closed) is completed as stale and does nothing; one whose trigger is refused now is
    /// completed as refused. A <see cref="ConcurrencyConflictException"/> leaves the timer pending.
    /// </summary>
    public async Task<TimerOutcome> FireTimerAsync(ScheduledTimer timer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (_db.Entry(timer).State == EntityState.Detached) _db.Timers.Attach(timer);
        var request = await LoadAsync(timer.RequestId, cancellationToken);
        var definition = _definitions.Get(request.DefinitionName, request.DefinitionVersion);
        var stale = definition.IsFinal(request.State)
            || (timer.StateSequence is not null && timer.StateSequence != request.StateSequence);
        if (stale)
        {
            timer.Complete(TimerOutcome.Stale, _clock.Now);
            await _db.SaveChangesAsync(cancellationToken);
            return TimerOutcome.Stale;
        }

        timer.Complete(TimerOutcome.Fired, _clock.Now);
        try
        {
            if (timer.Trigger is not null)
            {
                await FireAsync(request, timer.Trigger, Actor.System, new TriggerArgs(comment: timer.Comment ?? $"timer {timer.Name}"), cancellationToken);
            }
            else
            {
                await new TransitionRun(_services, definition, request, Actor.System, TriggerArgs.None, "Timer:" + timer.Name)
                    .ExecuteTimerActivityAsync(timer.Name, timer.Activity!, cancellationToken);
            }
        }
        catch (TransitionRefusedException ex)
        {
            _logger.LogWarning("Timer {Timer} on request {RequestId} was refused: {Reason}", timer.Name, request.Id, ex.Message);
            _db.ChangeTracker.Clear();
            var refused = await _db.Timers.FirstAsync(t => t.Id == timer.Id, cancellationToken);
            refused.Complete(TimerOutcome.Refused, _clock.Now);
            await _db.SaveChangesAsync(cancellationToken);
            return TimerOutcome.Refused;
        }

        return TimerOutcome.Fired;
    }

    public async Task<IReadOnlyList<ActionAvailability>> GetActionsAsync(Guid requestId, Actor actor,
        CancellationToken cancellationToken = default) =>
        GetActions(await LoadAsync(requestId, cancellationToken), actor);

    /// <summary>Every manual action from the request's state: permitted, or the reasons it is not.</summary>
    public IReadOnlyList<ActionAvailability> GetActions(RecordsRequest request, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var definition = _definitions.Get(request.DefinitionName, request.DefinitionVersion);
        return definition.TransitionsFrom(request.State)
            .Where(t => !t.Automatic)
            .GroupBy(t => t.Trigger)
            .Select(group =>
            {
                var choice = _services.Chooser.Choose(group.ToList(), request, actor);
                return new ActionAvailability(group.Key, group.First().Label ?? group.Key, choice.Transition is not null, choice.Reasons);
            })
            .ToList();
    }

    public string ExportMermaid(string name, int version) => _machines.ToMermaid(_definitions.Get(name, version));

    internal async Task<RecordsRequest> LoadAsync(Guid requestId, CancellationToken cancellationToken) =>
        await _db.Requests
            .Include(r => r.Payments)
            .Include(r => r.Documents)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
        ?? throw new RequestNotFoundException(requestId);
}
