using BackOffice.Web.Identity;
using BackOffice.Web.Jobs;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff;

/// <summary>Where sign-in lands: a link to every screen the member may open (<see cref="StaffScreenAccess"/>), no other.</summary>
public sealed class IndexModel(StaffScreenAccess access, OutboxIncidents incidents) : PageModel
{
    public IReadOnlyList<StaffScreen> Screens { get; private set; } = [];

    /// <summary>Messages not sent that wait for staff; null for members who cannot open that screen.</summary>
    public int? OpenIncidents { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Roles = StaffRoles.All.Where(User.IsInRole).ToList();
        var screens = new List<StaffScreen>();
        foreach (var screen in StaffScreens.All)
        {
            if (await access.MayOpenAsync(User, screen)) screens.Add(screen);
        }

        Screens = screens;
        if (screens.Contains(StaffScreens.Incidents)) OpenIncidents = await incidents.CountAsync(HttpContext.RequestAborted);
    }
}
