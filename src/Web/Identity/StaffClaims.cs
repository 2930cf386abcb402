using System.Security.Claims;
using BackOffice.Workflows.Lifecycle;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Identity;

/// <summary>Adds the display name to the signed-in principal, so screens and the journal need no database trip.</summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> userManager, RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaimType = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName;
        identity.AddClaim(new Claim(DisplayNameClaimType, name));
        return identity;
    }
}

public static class StaffPrincipalExtensions
{
    /// <summary>
    /// The signed-in staff member as the lifecycle's <see cref="Actor"/>: the account id (stable across renames),
    /// the display name, and the staff roles held (Clerk, RulesAdmin, Supervisor). A principal can never carry
    /// the Requester or System roles through here, whatever its claims say.
    /// </summary>
    /// <exception cref="InvalidOperationException">The principal is not signed in.</exception>
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
            throw new InvalidOperationException("Only a signed-in staff member can act; this request is not signed in.");
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The signed-in principal carries no user id claim.");
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(StaffRoles.All.Contains);
        return new Actor(id, principal.DisplayName(), new HashSet<string>(roles, StringComparer.Ordinal));
    }

    /// <summary>The display name of a signed-in staff member; the user name when the claim is missing.</summary>
    public static string DisplayName(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirstValue(StaffClaimsPrincipalFactory.DisplayNameClaimType)
            ?? principal.Identity?.Name
            ?? "";
    }
}
