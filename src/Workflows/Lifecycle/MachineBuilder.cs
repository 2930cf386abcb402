using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Stateless;
using Stateless.Graph;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// Builds a Stateless machine from a definition over a request's persisted state. A machine is built
/// per request per unit of work (Stateless machines are not thread-safe), with entry actions bound
/// to that unit's activity context.
/// </summary>
public sealed class MachineBuilder(GuardCatalog guards, ActivityCatalog activities)
{
    /// <summary>The whole definition as a machine, its guards evaluated whenever Stateless asks (diagrams, inspection).</summary>
    public StateMachine<string, string> Build(LifecycleDefinition definition, RecordsRequest request, Actor actor,
        DepartmentClock clock, Action<string, StateMachine<string, string>.Transition>? onEntry = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(request);
        var machine = NewMachine(definition, request, onEntry);
        var context = new GuardContext(request, actor, clock);
        foreach (var state in definition.States)
        {
            var configuration = machine.Configure(state.Name);
            foreach (var transition in definition.TransitionsFrom(state.Name))
            {
                var conditions = transition.Guards
                    .Select(name => guards.Get(name))
                    .Select(guard => Condition(() => guard.Holds(context), guard.Description))
                    .ToArray();
                Permit(configuration, state.Name, transition, conditions);
            }
        }

        return machine;
    }

    /// <summary>
    /// The machine for one step that was already decided: every state's entry actions, and from the state the
    /// decision was made in only the chosen transition, guarded by the results it was chosen on. No guard is
    /// evaluated again; if the request is no longer where the decision was made, the machine refuses.
    /// </summary>
    internal StateMachine<string, string> BuildStep(LifecycleDefinition definition, RecordsRequest request, TransitionChoice choice,
        Action<string, StateMachine<string, string>.Transition> onEntry)
    {
        var transition = choice.Transition ?? throw new ArgumentException("No transition was chosen.", nameof(choice));
        var machine = NewMachine(definition, request, onEntry);
        var conditions = transition.Guards
            .Select(name => Condition(() => choice.GuardResults[name], guards.Get(name).Description))
            .ToArray();
        Permit(machine.Configure(choice.FromState), choice.FromState, transition, conditions);
        return machine;
    }

    /// <summary>The definition as a Mermaid state diagram, for staff to read.</summary>
    public string ToMermaid(LifecycleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var request = RecordsRequest.ForDiagram(definition.InitialState);
        var machine = Build(definition, request, Actor.System, new DepartmentClock(TimeProvider.System, TimeZoneInfo.Utc),
            static (_, _) => { });
        return MermaidGraph.Format(machine.GetInfo());
    }

    private StateMachine<string, string> NewMachine(LifecycleDefinition definition, RecordsRequest request,
        Action<string, StateMachine<string, string>.Transition>? onEntry)
    {
        var machine = new StateMachine<string, string>(() => request.State, s => request.State = s);
        foreach (var state in definition.States)
        {
            var configuration = machine.Configure(state.Name);
            if (onEntry is not null)
            {
                var description = string.Join(", ", state.Entry.Select(activities.Describe).DefaultIfEmpty("enter " + state.Name));
                configuration.OnEntry(transition => onEntry(state.Name, transition), description);
            }
        }

        return machine;
    }

    private static Tuple<Func<bool>, string> Condition(Func<bool> holds, string description) => new(holds, description);

    private static void Permit(StateMachine<string, string>.StateConfiguration configuration, string state,
        TransitionDefinition transition, Tuple<Func<bool>, string>[] conditions)
    {
        if (transition.IsInternal)
        {
            configuration.InternalTransitionIf(transition.Trigger, _ => conditions.All(c => c.Item1()), _ => { },
                string.Join(" and ", conditions.Select(c => c.Item2)));
        }
        else if (transition.To == state)
        {
            configuration.PermitReentryIf(transition.Trigger, conditions);
        }
        else
        {
            configuration.PermitIf(transition.Trigger, transition.To!, conditions);
        }
    }
}
