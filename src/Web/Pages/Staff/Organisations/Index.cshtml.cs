using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Pages.Staff.Organisations;

/// <summary>The requester organisations that may use the requester API, with how many usable keys each has. Supervisors only; each view audited.</summary>
public sealed class IndexModel(RequesterOrganisations organisations, BackOfficeDbContext db, TimeProvider time, IAuditTrail audit) : PageModel
{
    public const string AuditAction = "ViewOrganisations";

    public IReadOnlyList<(RequesterOrganisation Organisation, int UsableKeys)> Rows { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.RevokedAt == null).ToListAsync(cancellationToken);
        Rows = [.. (await organisations.ListAsync(cancellationToken))
            .Select(o => (o, keys.Count(k => k.OrganisationId == o.Id && k.IsUsable(now))))];
        await audit.RecordAsync(AuditAction, null, cancellationToken: cancellationToken);
    }
}
