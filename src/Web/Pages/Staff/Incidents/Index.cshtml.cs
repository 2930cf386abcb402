using BackOffice.Web.Identity;
using BackOffice.Web.Jobs;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff.Incidents;

/// <summary>
/// Every message or document that failed after its retries or may not have gone out, newest first, with the
/// request it belongs to. Staff retry or dismiss each on the request's page. The view is audited ("ViewIncidents").
/// </summary>
[Authorize(Policy = StaffPolicies.Clerk)]
public sealed class IndexModel(OutboxIncidents incidents, IAuditTrail audit, DepartmentClock clock) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<OpenIncident> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public string WhenText(DateTimeOffset instant) => clock.WrittenWithTime(instant);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await incidents.CountAsync(cancellationToken);
        Rows = await incidents.ListAsync(Limit, cancellationToken);
        await audit.RecordAsync("ViewIncidents", null, outcome: $"{Rows.Count} rows", cancellationToken: cancellationToken);
    }
}
