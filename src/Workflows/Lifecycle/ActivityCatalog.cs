namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// A named step a definition runs on a transition or on entering a state. A reference may carry one
/// argument after a colon ("Notify:Received"), so one activity serves many messages.
/// </summary>
public sealed record Activity(string Name, string Description, Action<ActivityContext, string?> Run, bool TakesArgument = false);

public sealed class ActivityCatalog
{
    private readonly Dictionary<string, Activity> _activities;

    public ActivityCatalog(IEnumerable<Activity> activities) =>
        _activities = activities.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public bool Contains(string reference)
    {
        var (name, argument) = Split(reference);
        return _activities.TryGetValue(name, out var activity) && activity.TakesArgument == (argument is not null);
    }

    public void Run(string reference, ActivityContext context)
    {
        var (name, argument) = Split(reference);
        if (!_activities.TryGetValue(name, out var activity))
            throw new KeyNotFoundException($"Unknown activity '{name}'.");
        activity.Run(context, argument);
    }

    public string Describe(string reference)
    {
        var (name, argument) = Split(reference);
        return _activities.TryGetValue(name, out var a) ? argument is null ? a.Description : $"{a.Description}: {argument}" : reference;
    }

    private static (string Name, string? Argument) Split(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (reference, null) : (reference[..colon], reference[(colon + 1)..]);
    }
}
