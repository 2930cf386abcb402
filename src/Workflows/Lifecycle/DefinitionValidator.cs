namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// Checks a definition before any request runs on it, so a typo in workflows/*.json stops start-up
/// with a message naming the problem instead of failing later on a clerk's click.
/// </summary>
public sealed class DefinitionValidator(GuardCatalog guards, ActivityCatalog activities)
{
    public IReadOnlyList<string> Validate(LifecycleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        var states = definition.States.Select(s => s.Name).ToList();
        var known = states.ToHashSet(StringComparer.Ordinal);
        var triggers = definition.Transitions.Select(t => t.Trigger).ToHashSet(StringComparer.Ordinal);

        if (string.IsNullOrWhiteSpace(definition.Name)) problems.Add("the definition has no name");
        if (definition.Version < 1) problems.Add("the version must be 1 or more");
        foreach (var duplicate in states.GroupBy(s => s).Where(g => g.Count() > 1))
            problems.Add($"state '{duplicate.Key}' is defined more than once");
        if (!known.Contains(definition.InitialState))
            problems.Add($"the initial state '{definition.InitialState}' is not defined");
        else if (definition.IsFinal(definition.InitialState))
            problems.Add($"the initial state '{definition.InitialState}' cannot be final");

        CheckActivities(definition.StartActivities, "the start activities", problems);
        foreach (var state in definition.States)
        {
            CheckActivities(state.Entry, $"state '{state.Name}'", problems);
            foreach (var timer in state.Timers) CheckTimer(timer, $"state '{state.Name}'", triggers, problems);
        }

        foreach (var timer in definition.RequestTimers) CheckTimer(timer, "the request timers", triggers, problems);
        foreach (var transition in definition.Transitions) CheckTransition(definition, transition, known, problems);

        if (known.Contains(definition.InitialState))
        {
            var reachable = Reachable(definition);
            foreach (var state in states.Where(s => !reachable.Contains(s)).Distinct())
                problems.Add($"state '{state}' is unreachable from '{definition.InitialState}'");
        }

        foreach (var state in definition.States.Where(s => !s.Final))
        {
            if (!definition.TransitionsFrom(state.Name).Any(t => !t.IsInternal && t.To != state.Name))
                problems.Add($"state '{state.Name}' is not final but has no way out");
        }

        return problems;
    }

    public void EnsureValid(LifecycleDefinition definition, string source)
    {
        var problems = Validate(definition);
        if (problems.Count > 0) throw new LifecycleDefinitionException(source, problems);
    }

    private void CheckTransition(LifecycleDefinition definition, TransitionDefinition t, HashSet<string> known, List<string> problems)
    {
        var where = $"transition '{t.Trigger}'";
        if (string.IsNullOrWhiteSpace(t.Trigger)) problems.Add("a transition has no trigger");
        if (t.From.Count == 0) problems.Add($"{where} has no 'from' state");
        foreach (var from in t.From.Where(f => f != LifecycleDefinition.AnyOpenState && !known.Contains(f)))
            problems.Add($"{where} starts from unknown state '{from}'");
        foreach (var from in t.From.Where(f => known.Contains(f) && definition.IsFinal(f)))
            problems.Add($"{where} leaves final state '{from}'");
        if (t.To is not null && !known.Contains(t.To)) problems.Add($"{where} goes to unknown state '{t.To}'");
        if (t.Automatic && t.IsInternal) problems.Add($"{where} is automatic, so it must go to a state");
        if (!t.Automatic && t.Roles.Count == 0) problems.Add($"{where} names no role allowed to fire it");
        foreach (var role in t.Roles.Where(r => !LifecycleRoles.All.Contains(r)))
            problems.Add($"{where} names unknown role '{role}'");
        foreach (var guard in t.Guards.Where(g => !guards.Contains(g)))
            problems.Add($"{where} uses unknown guard '{guard}'");
        CheckActivities(t.Activities, where, problems);
    }

    private void CheckActivities(IEnumerable<string> names, string where, List<string> problems)
    {
        foreach (var name in names.Where(n => !activities.Contains(n)))
            problems.Add($"{where} uses unknown activity '{name}'");
    }

    private void CheckTimer(TimerDefinition timer, string where, HashSet<string> triggers, List<string> problems)
    {
        var label = $"timer '{timer.Name}' in {where}";
        if ((timer.Trigger is null) == (timer.Activity is null)) problems.Add($"{label} must either fire a trigger or run an activity, not both or neither");
        if (timer.Activity is not null && !activities.Contains(timer.Activity)) problems.Add($"{label} uses unknown activity '{timer.Activity}'");
        if (timer.Trigger is not null && !triggers.Contains(timer.Trigger)) problems.Add($"{label} fires unknown trigger '{timer.Trigger}'");
        if (timer.AfterDays < 0 || timer.AfterBusinessDays < 0) problems.Add($"{label} has a negative delay");
        if (timer.AfterDays > 0 && timer.AfterBusinessDays > 0) problems.Add($"{label} sets both days and business days");
    }

    private static HashSet<string> Reachable(LifecycleDefinition definition)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { definition.InitialState };
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var state))
        {
            foreach (var to in definition.TransitionsFrom(state).Select(t => t.To).OfType<string>())
            {
                if (seen.Add(to)) queue.Enqueue(to);
            }
        }

        return seen;
    }
}
