using BackOffice.Web.Http;
using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Status;

/// <summary>The invoice on its own page (to print or save), for the same verified browser as the status page.</summary>
public sealed class InvoiceModel(BackOfficeDbContext db, PatientPasses passes, DepartmentClock clock) : PageModel
{
    public StatusReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Response.MarkNoStore();
        if (!passes.Holds(Request, PassKind.Status, id)) return RedirectToPage("Index");
        var report = await StatusReport.LoadAsync(db, clock, id, cancellationToken);
        if (report is null) return RedirectToPage("Index");
        Report = report;
        return Page();
    }
}
