using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Status;

/// <summary>One request's status, for a browser that looked it up in the last few minutes; anyone else starts over.</summary>
public sealed class DetailsModel(BackOfficeDbContext db, PatientPasses passes, DepartmentClock clock) : PageModel
{
    public StatusReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (!passes.Holds(Request, PassKind.Status, id)) return RedirectToPage("Index");
        var report = await StatusReport.LoadAsync(db, clock, id, cancellationToken);
        if (report is null) return RedirectToPage("Index");
        Report = report;
        return Page();
    }
}
