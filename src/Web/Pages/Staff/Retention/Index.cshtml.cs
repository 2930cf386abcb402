using System.Globalization;
using BackOffice.Web.Identity;
using BackOffice.Workflows;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Retention;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Pages.Staff.Retention;

/// <summary>
/// The retention report for supervisors: the policy in force, every run (daily or asked for here), newest first, with what it
/// removed or would have removed (with the count of disclosures recorded without a request it reduced), and one run's requests
/// by tracking number. <b>Run a dry run now</b> lists what today's run
/// would remove and changes nothing. Viewing is audited ("ViewRetention"); a dry run writes its own audit row
/// ("RetentionDryRun", with who asked).
/// </summary>
[Authorize(Policy = StaffPolicies.Supervisor)]
public sealed class IndexModel(BackOfficeDbContext db, RetentionPurge purge, IAuditTrail audit, DepartmentClock clock, WorkflowsOptions workflows)
    : PageModel
{
    public const string AuditAction = "ViewRetention";
    public const int RunsShown = 30;

    /// <summary>The run whose requests are listed; the newest when not given.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Run { get; set; }

    [TempData] public string? StatusMessage { get; set; }

    public RetentionOptions Policy => workflows.Retention;
    public RetentionCutoffs Cutoffs { get; private set; } = null!;
    public IReadOnlyList<RetentionRun> Runs { get; private set; } = [];
    public RetentionRun? Selected { get; private set; }
    public IReadOnlyList<RetentionRunItem> SelectedItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cutoffs = RetentionCutoffs.For(clock, Policy);
        Runs = await db.Set<RetentionRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(RunsShown).ToListAsync(cancellationToken);
        Selected = Run is { } id
            ? Runs.FirstOrDefault(r => r.Id == id) ?? await db.Set<RetentionRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            : Runs.Count > 0 ? Runs[0] : null;
        if (Selected is not null)
        {
            SelectedItems = await db.Set<RetentionRunItem>().AsNoTracking().Where(i => i.RunId == Selected.Id)
                .OrderBy(i => i.ClosedOn).ThenBy(i => i.TrackingNumber).ToListAsync(cancellationToken);
        }

        await audit.RecordAsync(AuditAction, null, Selected is null ? null : RetentionPurge.RunSubject(Selected.Id),
            string.Create(CultureInfo.InvariantCulture, $"{Runs.Count} runs listed"), cancellationToken);
    }

    /// <summary>Lists what a run today would remove, changing nothing (post/redirect/get to the run).</summary>
    public async Task<IActionResult> OnPostDryRunAsync(CancellationToken cancellationToken)
    {
        var run = await purge.RunAsync(dryRun: true, User.ToActor(), User.Identity?.Name, HttpContext.Connection.RemoteIpAddress?.ToString(),
            cancellationToken);
        StatusMessage = "Dry run done: " + run.Summary() + ". Nothing was changed.";
        return RedirectToPage(new { run = run.Id });
    }

    public string When(DateTimeOffset at) => clock.WrittenWithTime(at);
}
