using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.Identity;

/// <summary>The roles a staff account can hold; the names are the lifecycle's (<see cref="LifecycleRoles"/>).</summary>
public static class StaffRoles
{
    /// <summary>Works requests.</summary>
    public const string Clerk = LifecycleRoles.Clerk;
    /// <summary>Edits fee and release rules.</summary>
    public const string RulesAdmin = LifecycleRoles.RulesAdmin;
    /// <summary>Everything, plus staff accounts and the dashboard.</summary>
    public const string Supervisor = LifecycleRoles.Supervisor;

    /// <summary>In the order screens list them.</summary>
    public static readonly IReadOnlyList<string> All = [Clerk, RulesAdmin, Supervisor];
}

/// <summary>
/// Authorization policies for staff pages. A supervisor may do everything, so the Clerk and RulesAdmin
/// policies admit supervisors too. Use them with
/// <c>options.Conventions.AuthorizeFolder("/Staff/Requests", StaffPolicies.Clerk)</c> or
/// <c>[Authorize(Policy = StaffPolicies.Clerk)]</c>.
/// </summary>
public static class StaffPolicies
{
    /// <summary>Clerk or Supervisor.</summary>
    public const string Clerk = "Clerk";
    /// <summary>RulesAdmin or Supervisor.</summary>
    public const string RulesAdmin = "RulesAdmin";
    /// <summary>Supervisor only.</summary>
    public const string Supervisor = "Supervisor";
}
