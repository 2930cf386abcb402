using BackOffice.Web.Http;
using BackOffice.Web.Localization;
using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Pages.Status;

/// <summary>The invoice on its own page (to print or save), for the same verified browser as the status page.</summary>
public sealed class InvoiceModel(BackOfficeDbContext db, PatientPasses passes, DepartmentClock clock, IStringLocalizer<StatusText> words,
    RuleWords rules) : PageModel
{
    public StatusReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Response.MarkNoStore();
        if (!passes.Holds(Request, PassKind.Status, id)) return RedirectToPage("Index");
        var report = await StatusReport.LoadAsync(db, clock, words, rules, id, cancellationToken);
        if (report is null) return RedirectToPage("Index");
        Report = report;
        return Page();
    }
}
