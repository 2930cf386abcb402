using BackOffice.Web.Identity;
using BackOffice.Web.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff;

/// <summary>Where sign-in lands: links to the screens the member's roles allow.</summary>
public sealed class IndexModel(IAuthorizationService authorization, OutboxIncidents incidents) : PageModel
{
    public bool CanManageUsers { get; private set; }

    /// <summary>Messages not sent that wait for staff; null for members who do not work requests.</summary>
    public int? OpenIncidents { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Roles = StaffRoles.All.Where(User.IsInRole).ToList();
        CanManageUsers = (await authorization.AuthorizeAsync(User, StaffPolicies.Supervisor)).Succeeded;
        if ((await authorization.AuthorizeAsync(User, StaffPolicies.Clerk)).Succeeded) OpenIncidents = await incidents.CountAsync(HttpContext.RequestAborted);
    }
}
