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
public sealed class LifecycleEngine(
    BackOfficeDbContext db,
    DefinitionRegistry definitions,
    GuardCatalog guards,
    ActivityCatalog activities,
    DepartmentClock clock,
    IOutboxSignal outboxSignal,
    ILogger<LifecycleEngine> logger)
{
    public const string RecordsRequestLifecycle = "records-request";
    public const string SubmitTrigger = "Submit";
    internal const int MaxAutomaticSteps = 10;

    private readonly MachineBuilder _machines = new(guards, activities);

    /// <summary>Creates a request from a valid draft and enters it into the lifecycle as its initial state.</summary>
    public async Task<RecordsRequest> StartAsync(RecordsRequestDraft draft, DateOnly receivedOn, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var definition = definitions.Latest(RecordsRequestLifecycle);
        var request = RecordsRequest.Create(draft, receivedOn);
        request.DefinitionName = definition.Name;
        request.DefinitionVersion = definition.Version;
        db.Requests.Add(request);

        var run = new TransitionRun(this, definition, request, actor, TriggerArgs.None, SubmitTrigger);
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
        var definition = definitions.Get(request.DefinitionName, request.DefinitionVersion);
        var run = new TransitionRun(this, definition, request, actor, args, trigger);
        return await run.ExecuteFireAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ActionAvailability>> GetActionsAsync(Guid requestId, Actor actor,
        CancellationToken cancellationToken = default) =>
        GetActions(await LoadAsync(requestId, cancellationToken), actor);

    /// <summary>Every manual action from the request's state: permitted, or the reasons it is not.</summary>
    public IReadOnlyList<ActionAvailability> GetActions(RecordsRequest request, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var definition = definitions.Get(request.DefinitionName, request.DefinitionVersion);
        return definition.TransitionsFrom(request.State)
            .Where(t => !t.Automatic)
            .GroupBy(t => t.Trigger)
            .Select(group =>
            {
                var choice = Choose(group.ToList(), request, actor);
                return new ActionAvailability(group.Key, group.First().Label ?? group.Key, choice.Transition is not null, choice.Reasons);
            })
            .ToList();
    }

    public string ExportMermaid(string name, int version) => _machines.ToMermaid(definitions.Get(name, version));

    internal async Task<RecordsRequest> LoadAsync(Guid requestId, CancellationToken cancellationToken) =>
        await db.Requests
            .Include(r => r.Payments)
            .Include(r => r.Documents)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
        ?? throw new RequestNotFoundException(requestId);

    /// <summary>Picks the transition a trigger takes now: the role must match and every guard hold.</summary>
    internal (TransitionDefinition? Transition, IReadOnlyList<string> Reasons) Choose(
        IReadOnlyList<TransitionDefinition> candidates, RecordsRequest request, Actor actor)
    {
        var reasons = new List<string>();
        var allowed = candidates.Where(t => t.Automatic || t.Roles.Any(actor.IsInRole)).ToList();
        if (allowed.Count == 0)
        {
            var roles = candidates.SelectMany(t => t.Roles).Distinct();
            return (null, [$"only {string.Join(" or ", roles)} may do this"]);
        }

        var context = new GuardContext(request, actor, clock);
        foreach (var transition in allowed)
        {
            var unmet = transition.Guards.Select(guards.Get).Where(g => !g.Holds(context)).Select(g => g.Description).ToList();
            if (unmet.Count == 0) return (transition, []);
            reasons.AddRange(unmet.Select(u => "needs: " + u));
        }

        return (null, reasons.Distinct().ToList());
    }

    internal BackOfficeDbContext Db => db;
    internal DepartmentClock Clock => clock;
    internal GuardCatalog Guards => guards;
    internal ActivityCatalog Activities => activities;
    internal MachineBuilder Machines => _machines;
    internal IOutboxSignal OutboxSignal => outboxSignal;
    internal ILogger Logger => logger;
}
