using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Telemetry;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// One unit of work on one request: activities, state change, journal, timers, outbox, one commit. It works only with
/// the collaborators it is given (<see cref="TransitionServices"/>); each step applies a <see cref="TransitionChoice"/>
/// made once, before the step's activities run.
/// </summary>
internal sealed class TransitionRun(
    TransitionServices services, LifecycleDefinition definition, RecordsRequest request, Actor actor, TriggerArgs args, string trigger)
{
    /// <summary>Automatic transitions one run may take in a row before the definition is taken to loop.</summary>
    internal const int MaxAutomaticSteps = 10;

    private readonly List<JournalEntry> _journal = [];
    private readonly List<ScheduledTimer> _timers = [];
    private readonly List<ActivityContext> _contexts = [];
    private bool _retireStateTimers;
    private bool _retireAllTimers;
    private bool _replanDueTimers;

    /// <summary>Staged uploads (storage keys) the new request takes over: their rows are deleted in the commit, which
    /// fails (<see cref="Uploads.MissingUploadsException"/>, nothing saved) when one of them is not staged any more.</summary>
    public IReadOnlyList<string> StagedUploadsToTake { get; init; } = [];

    public async Task ExecuteStartAsync(CancellationToken cancellationToken)
    {
        await TimedAsync(trigger, null, async () =>
        {
            var context = NewContext(actor, args, trigger);
            foreach (var activity in definition.StartActivities) services.Activities.Run(activity, context);
            request.State = definition.InitialState;
            Enter(definition.InitialState, context);
            foreach (var timer in definition.RequestTimers) _timers.Add(Plan(timer, null));
            Journal(context, actor, trigger, null, definition.InitialState, []);
            RunAutomaticTransitions();
            await CommitAsync(cancellationToken);
        });
        LifecycleTelemetry.Received(request.Channel.ToString());
    }

    public async Task<FireResult> ExecuteFireAsync(CancellationToken cancellationToken)
    {
        var from = request.State;
        await TimedAsync(trigger, from, async () =>
        {
            Step(actor, args, trigger);
            RunAutomaticTransitions();
            await CommitAsync(cancellationToken);
        });
        return new FireResult(from, request.State, request.Version, _journal);
    }

    /// <summary>A timer that runs an activity (a reminder): its effects and a journal line, no state change.</summary>
    public async Task ExecuteTimerActivityAsync(string timerName, string activity, CancellationToken cancellationToken)
    {
        await TimedAsync("Timer:" + timerName, request.State, async () =>
        {
            var context = NewContext(Actor.System, TriggerArgs.None, "Timer:" + timerName);
            services.Activities.Run(activity, context);
            Journal(context, Actor.System, context.Trigger, request.State, request.State, []);
            await CommitAsync(cancellationToken);
        });
    }

    /// <summary>Times one run for the traces and metrics (<see cref="LifecycleTelemetry"/>), with how it ended.</summary>
    private async Task TimedAsync(string timedTrigger, string? from, Func<Task> run)
    {
        var timing = LifecycleTelemetry.Begin(timedTrigger, from, $"{definition.Name}/{definition.Version}");
        try
        {
            await run();
        }
        catch (Exception e)
        {
            timing.End(request.State, e switch
            {
                TransitionRefusedException => TransitionOutcomes.Refused,
                ConcurrencyConflictException or DbUpdateConcurrencyException => TransitionOutcomes.Conflict,
                _ => TransitionOutcomes.Failed,
            });
            throw;
        }

        timing.End(request.State, TransitionOutcomes.Done);
    }

    private void Step(Actor stepActor, TriggerArgs stepArgs, string stepTrigger)
    {
        var candidates = definition.TransitionsFrom(request.State)
            .Where(t => t.Trigger == stepTrigger && !t.Automatic)
            .ToList();
        if (candidates.Count == 0)
            throw new TransitionRefusedException(stepTrigger, request.State, [$"it is not an action of state {request.State}"]);
        var choice = services.Chooser.Choose(candidates, request, stepActor);
        if (choice.Transition is null) throw new TransitionRefusedException(stepTrigger, request.State, choice.Reasons);
        Take(choice, stepActor, stepArgs);
    }

    private void RunAutomaticTransitions()
    {
        for (var step = 0; step < MaxAutomaticSteps; step++)
        {
            var automatic = definition.TransitionsFrom(request.State).Where(t => t.Automatic).ToList();
            var choice = services.Chooser.Choose(automatic, request, Actor.System);
            if (choice.Transition is null) return;
            Take(choice, Actor.System, TriggerArgs.None);
        }

        throw new InvalidOperationException($"Automatic transitions of '{definition.Name}' v{definition.Version} loop at {request.State}.");
    }

    /// <summary>Applies a decided transition: its activities, then the state change (guards not asked again), then the journal.</summary>
    private void Take(TransitionChoice choice, Actor stepActor, TriggerArgs stepArgs)
    {
        var taken = choice.Transition!;
        var context = NewContext(stepActor, stepArgs, taken.Trigger);
        foreach (var activity in taken.Activities) services.Activities.Run(activity, context);

        var from = request.State;
        var machine = services.Machines.BuildStep(definition, request, choice, (state, _) => Enter(state, context));
        machine.Fire(taken.Trigger);
        Journal(context, stepActor, taken.Trigger, from, request.State, choice.ChosenGuardResults());
    }

    private void Enter(string stateName, ActivityContext context)
    {
        request.StateSequence++;
        _retireStateTimers = true;
        var state = definition.FindState(stateName)!;
        request.QueuePriority = state.Final ? 2 : state.Urgent ? 0 : 1;
        foreach (var activity in state.Entry) services.Activities.Run(activity, context);
        foreach (var timer in state.Timers) _timers.Add(Plan(timer, request.StateSequence));
    }

    private ScheduledTimer Plan(TimerDefinition timer, int? stateSequence)
    {
        var clock = services.Clock;
        var anchor = timer.Anchor switch
        {
            TimerAnchor.Received => clock.StartOf(request.ReceivedOn),
            TimerAnchor.Due => clock.StartOf(request.EffectiveDueOn),
            _ => clock.Now,
        };
        var dueAt = timer.AfterBusinessDays > 0
            ? DepartmentClock.AddBusinessDays(anchor, timer.AfterBusinessDays)
            : anchor.AddDays(timer.AfterDays);
        return ScheduledTimer.Plan(request.Id, timer, dueAt, stateSequence);
    }

    private ActivityContext NewContext(Actor stepActor, TriggerArgs stepArgs, string stepTrigger)
    {
        var context = new ActivityContext(request, stepActor, stepArgs, services.Clock, stepTrigger);
        _contexts.Add(context);
        return context;
    }

    private void Journal(ActivityContext context, Actor stepActor, string stepTrigger, string? from, string to, Dictionary<string, bool> guards)
    {
        request.JournalSequence++;
        var inputs = context.Args.Values;
        _journal.Add(JournalEntry.Create(request, request.JournalSequence, services.Clock.Now, stepActor, stepTrigger, from, to,
            context.Args.Comment, guards, inputs, context.RuleSetVersionUsed ?? request.DecisionRuleSetVersion));
    }

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        var db = services.Db;
        _retireAllTimers = _contexts.Any(c => c.Closed);
        _replanDueTimers = _contexts.Any(c => c.DueDateChanged) && !_retireAllTimers;
        if (_replanDueTimers)
        {
            _timers.AddRange(definition.RequestTimers.Where(t => t.Anchor == TimerAnchor.Due).Select(t => Plan(t, null)));
        }

        request.Touch();
        var outbox = _contexts.SelectMany(c => c.Outbox).ToList();
        outbox.AddRange(await WebhookEventsOfAsync(_journal, cancellationToken));
        db.Journal.AddRange(_journal);
        db.Outbox.AddRange(outbox);
        db.Timers.AddRange(_timers);
        db.Disclosures.AddRange(_contexts.SelectMany(c => c.Disclosures));

        try
        {
            var creating = RequestEntry().State == EntityState.Added;
            // One atomic commit; on SQLite it may share its transaction and flush with concurrent ones (WriteGate).
            await services.WriteGate.CommitAsync(db, async token =>
            {
                await TakeRequestRowAsync(creating, token);
                await RetireTimersAsync(creating, token);
                await TakeStagedUploadsAsync(token);
                await db.SaveChangesAsync(token);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(request.Id, ex);
        }
        catch (DbUpdateException ex)
        {
            // A racing writer may trip a unique index (journal sequence) before the version check.
            if (await ChangedByOthersAsync(cancellationToken)) throw new ConcurrencyConflictException(request.Id, ex);
            throw;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }

        services.Logger.LogInformation("Request {RequestId} {Trigger}: now {State} (v{Version})", request.Id, trigger, request.State, request.Version);
        if (outbox.Count > 0) services.OutboxSignal.Committed(outbox.Select(o => o.Id).ToList());
    }

    /// <summary>
    /// A request a requester organisation sent through the API tells the organisation's webhook of each state it entered
    /// (<see cref="Organisations.WebhookEvents"/>), from the outbox like any message, so the event commits with the state.
    /// Only while the organisation has a webhook: an event is for the address registered when it happens (as webhook
    /// senders do), and an organisation without one would otherwise cost two outbox writes per state for nothing.
    /// </summary>
    private async Task<List<OutboxMessage>> WebhookEventsOfAsync(List<JournalEntry> entries, CancellationToken cancellationToken)
    {
        if (request.RequesterOrganisationId is not { } organisationId) return [];
        var types = entries.Where(e => e.FromState != e.ToState)
            .Select(e => Organisations.WebhookEvents.ForState(e.ToState))
            .OfType<string>()
            .ToList();
        if (types.Count == 0) return [];
        var hasWebhook = await services.Webhooks.HasWebhookAsync(organisationId, cancellationToken);
        return hasWebhook ? types.Select(type => OutboxMessage.Create(request.Id, OutboxKind.Webhook, type, services.Clock.Now)).ToList() : [];
    }

    /// <summary>
    /// First in the transaction, the request's row is taken at the version this run read: a writer racing on another node
    /// waits here for the first to commit, then finds the version moved and stops with a conflict before writing anything.
    /// Without it the loser's journal insert tripped the journal's unique index first (still a conflict, but logged by EF
    /// Core as a failed database command). A new request has no row yet.
    /// </summary>
    private async Task TakeRequestRowAsync(bool creating, CancellationToken cancellationToken)
    {
        if (creating) return;
        var read = RequestEntry().Property(r => r.Version).OriginalValue;
        var taken = await services.Db.Requests.Where(r => r.Id == request.Id && r.Version == read)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, read), cancellationToken);
        if (taken == 0) throw new ConcurrencyConflictException(request.Id);
    }

    private async Task TakeStagedUploadsAsync(CancellationToken cancellationToken)
    {
        // One delete per key (a request has a file or two): a key whose delete finds no row is exactly one missing,
        // even when another node's job or wizard races this commit. Throwing rolls the deletes back with the rest.
        var missing = new List<string>();
        foreach (var key in StagedUploadsToTake)
        {
            if (await services.Db.StagedUploads.Where(u => u.StorageKey == key).ExecuteDeleteAsync(cancellationToken) == 0)
                missing.Add(key);
        }

        if (missing.Count > 0) throw new Uploads.MissingUploadsException(missing);
    }

    private async Task RetireTimersAsync(bool creating, CancellationToken cancellationToken)
    {
        if (!_retireStateTimers && !_retireAllTimers && !_replanDueTimers) return;
        // A request being created has no timers yet but the ones this run adds: nothing to retire, no statement to run.
        if (creating) return;
        var now = services.Clock.Now;
        var newIds = _timers.Select(t => t.Id).ToList();
        var pending = services.Db.Timers.Where(t => t.RequestId == request.Id && t.CompletedAt == null && !newIds.Contains(t.Id));
        if (!_retireAllTimers)
        {
            pending = pending.Where(t => (_retireStateTimers && t.StateSequence != null)
                || (_replanDueTimers && t.StateSequence == null && t.Anchor == TimerAnchor.Due));
        }

        await pending.ExecuteUpdateAsync(s => s
            .SetProperty(t => t.CompletedAt, now)
            .SetProperty(t => t.Outcome, TimerOutcome.Retired), cancellationToken);
    }

    /// <summary>
    /// The request's entry without comparing its hundred-odd columns with their snapshot (which DbContext.Entry does
    /// first): its state (added or not) and the version it was read at do not depend on that comparison.
    /// </summary>
    private Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<RecordsRequest> RequestEntry()
    {
        var tracker = services.Db.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return services.Db.Entry(request);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private async Task<bool> ChangedByOthersAsync(CancellationToken cancellationToken)
    {
        var loadedVersion = request.Version - 1;
        services.Db.ChangeTracker.Clear();
        var current = await services.Db.Requests.AsNoTracking().Where(r => r.Id == request.Id)
            .Select(r => (int?)r.Version).FirstOrDefaultAsync(cancellationToken);
        return current is not null && current != loadedVersion;
    }
}
