namespace BackOffice.Workflows.Lifecycle;

/// <summary>The roles a lifecycle definition may name.</summary>
public static class LifecycleRoles
{
    public const string Requester = "Requester";
    public const string Clerk = "Clerk";
    public const string Supervisor = "Supervisor";
    public const string RulesAdmin = "RulesAdmin";
    /// <summary>The engine itself: timers and automatic transitions.</summary>
    public const string System = "System";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Requester, Clerk, Supervisor, RulesAdmin, System,
    };
}

/// <summary>Who fires a trigger: a staff member, the requester, or the system.</summary>
public sealed record Actor(string Id, string DisplayName, IReadOnlySet<string> Roles)
{
    public static readonly Actor System = new("system", "BackOffice", new HashSet<string> { LifecycleRoles.System });

    /// <summary>The id of every <see cref="Requester"/>; the name is theirs (the signer's, online).</summary>
    public const string RequesterId = "requester";

    public static Actor Staff(string id, string name, params string[] roles) => new(id, name, new HashSet<string>(roles));

    public static Actor Requester(string name) => new(RequesterId, name, new HashSet<string> { LifecycleRoles.Requester });

    public bool IsInRole(string role) => Roles.Contains(role);
}
