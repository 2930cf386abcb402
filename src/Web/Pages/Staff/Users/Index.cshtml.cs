using BackOffice.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Pages.Staff.Users;

/// <summary>Every staff account with its roles and status. Supervisors only (page convention on /Staff/Users).</summary>
public sealed class IndexModel(StaffIdentityDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<StaffAccountRow> Accounts { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           select new { link.UserId, role.Name }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        Accounts = users
            .OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase)
            .Select(u => new StaffAccountRow(u.Id, u.UserName ?? "", u.DisplayName,
                StaffRoles.All.Where(r => roles.Exists(x => x.UserId == u.Id && x.Name == r)).ToList(),
                StaffAccountRow.StatusOf(u, now)))
            .ToList();
    }
}

public sealed record StaffAccountRow(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, string Status)
{
    public static string StatusOf(StaffUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsDisabled) return "Disabled";
        return user.LockoutEnd > now ? "Locked after failed sign-ins" : "Active";
    }
}
