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
    /// <param name="decided">
    /// Guard results already decided for this step. A transition's own activities may change what a
    /// guard sees (extending the deadline makes "not yet extended" false), but the decision to take the
    /// transition was made before they ran and must stand.
    /// </param>
    public StateMachine<string, string> Build(LifecycleDefinition definition, RecordsRequest request, Actor actor,
        DepartmentClock clock, Action<string, StateMachine<string, string>.Transition>? onEntry = null,
        IReadOnlyDictionary<string, bool>? decided = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(request);
        var machine = new StateMachine<string, string>(() => request.State, s => request.State = s);
        var context = new GuardContext(request, actor, clock);
        bool Holds(Guard guard) => decided is not null && decided.TryGetValue(guard.Name, out var result) ? result : guard.Holds(context);
        foreach (var state in definition.States)
        {
            var configuration = machine.Configure(state.Name);
            if (onEntry is not null)
            {
                var description = string.Join(", ", state.Entry.Select(activities.Describe).DefaultIfEmpty("enter " + state.Name));
                configuration.OnEntry(transition => onEntry(state.Name, transition), description);
            }

            foreach (var transition in definition.TransitionsFrom(state.Name))
            {
                var conditions = transition.Guards
                    .Select(name => guards.Get(name))
                    .Select(guard => new Tuple<Func<bool>, string>(() => Holds(guard), guard.Description))
                    .ToArray();
                if (transition.IsInternal)
                {
                    configuration.InternalTransitionIf(transition.Trigger, _ => conditions.All(c => c.Item1()), _ => { },
                        string.Join(" and ", conditions.Select(c => c.Item2)));
                }
                else if (transition.To == state.Name)
                {
                    configuration.PermitReentryIf(transition.Trigger, conditions);
                }
                else
                {
                    configuration.PermitIf(transition.Trigger, transition.To!, conditions);
                }
            }
        }

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
}
