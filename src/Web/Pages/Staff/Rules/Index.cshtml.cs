using BackOffice.Rules;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.RuleSets;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff.Rules;

/// <summary>The rules workbench: every rule-set version, the one in force, starting a draft, and the change history.</summary>
public sealed class IndexModel(RuleSetStore store, PublishedRuleSetSource published, DepartmentClock clock) : PageModel
{
    public IReadOnlyList<RuleSetVersion> Versions { get; private set; } = [];
    public IReadOnlyList<RuleSetChange> History { get; private set; } = [];
    public int? InForce { get; private set; }

    [BindProperty] public int FromVersion { get; set; }
    [BindProperty] public string? Description { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateDraftAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var draft = await store.CreateDraftAsync(FromVersion, Description ?? "", User.Identity?.Name ?? "unknown", cancellationToken);
            StatusMessage = $"Draft version {draft.Version} created from version {FromVersion}.";
            return RedirectToPage("Version", new { version = draft.Version });
        }
        catch (Exception exception) when (exception is DomainException or ConcurrencyConflictException)
        {
            ModelState.AddModelError(nameof(FromVersion), exception.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Versions = await store.ListAsync(cancellationToken);
        History = await store.HistoryAsync(cancellationToken);
        InForce = published.InForce(clock.Today)?.Version;
        if (FromVersion == 0) FromVersion = InForce ?? (Versions.Count > 0 ? Versions[0].Version : 1);
    }
}
