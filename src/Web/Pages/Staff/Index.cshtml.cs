using BackOffice.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff;

/// <summary>Where sign-in lands: links to the screens the member's roles allow.</summary>
public sealed class IndexModel(IAuthorizationService authorization) : PageModel
{
    public bool CanManageUsers { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Roles = StaffRoles.All.Where(User.IsInRole).ToList();
        CanManageUsers = (await authorization.AuthorizeAsync(User, StaffPolicies.Supervisor)).Succeeded;
    }
}
