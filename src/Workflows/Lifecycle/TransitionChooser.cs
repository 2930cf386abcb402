using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>Decides which transition a trigger takes now: the role must match and every guard hold.</summary>
internal sealed class TransitionChooser(GuardCatalog guards, DepartmentClock clock)
{
    /// <summary>
    /// The first of <paramref name="candidates"/> the actor may fire whose guards all hold. Each guard is evaluated at
    /// most once, and the results travel with the choice so nothing evaluates them again.
    /// </summary>
    public TransitionChoice Choose(IReadOnlyList<TransitionDefinition> candidates, RecordsRequest request, Actor actor)
    {
        var from = request.State;
        var results = new Dictionary<string, bool>(StringComparer.Ordinal);
        var allowed = candidates.Where(t => t.Automatic || t.Roles.Any(actor.IsInRole)).ToList();
        if (allowed.Count == 0)
        {
            var roles = candidates.SelectMany(t => t.Roles).Distinct();
            return new TransitionChoice(from, null, [$"only {string.Join(" or ", roles)} may do this"], results);
        }

        var context = new GuardContext(request, actor, clock);
        bool Holds(Guard guard)
        {
            if (!results.TryGetValue(guard.Name, out var held)) results[guard.Name] = held = guard.Holds(context);
            return held;
        }

        var reasons = new List<string>();
        foreach (var transition in allowed)
        {
            var unmet = transition.Guards.Select(guards.Get).Where(g => !Holds(g)).Select(g => g.Description).ToList();
            if (unmet.Count == 0) return new TransitionChoice(from, transition, [], results);
            reasons.AddRange(unmet.Select(u => "needs: " + u));
        }

        return new TransitionChoice(from, null, reasons.Distinct().ToList(), results);
    }
}
