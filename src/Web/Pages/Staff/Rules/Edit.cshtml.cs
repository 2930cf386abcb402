using System.ComponentModel.DataAnnotations;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.RuleSets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff.Rules;

/// <summary>
/// Edit one file of a draft (read-only for other versions). Saving keeps the text even when it has
/// problems, so no work is lost; the problems are listed with their rule and position.
/// </summary>
public sealed class EditModel(RuleSetStore store) : PageModel
{
    public RuleSetVersion RuleSet { get; private set; } = null!;
    public string FileName { get; private set; } = "";
    public IReadOnlyList<RuleSetProblem> Problems { get; private set; } = [];
    public bool Saved { get; private set; }

    /// <summary>The file's text; rule files are tens of kilobytes (release.json 25 KB), far under this limit.</summary>
    [BindProperty]
    [StringLength(MaxJsonLength, ErrorMessage = "A rule file can have at most 500,000 characters.")]
    public string Json { get; set; } = "";

    public const int MaxJsonLength = 500_000;
    [BindProperty] public int Revision { get; set; }

    public async Task<IActionResult> OnGetAsync(int version, string file, CancellationToken cancellationToken)
    {
        var found = await FindAsync(version, file, cancellationToken);
        if (found is null) return NotFound();
        Json = found.Files[file];
        Revision = found.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int version, string file, CancellationToken cancellationToken)
    {
        var found = await FindAsync(version, file, cancellationToken);
        if (found is null) return NotFound();
        if (!ModelState.IsValid) return Page(); // text that cannot be kept (too long, control characters): the typed text stays in the form
        try
        {
            Problems = await store.EditDraftAsync(version, file, Json, Revision, User.Identity?.Name ?? "unknown", cancellationToken);
            Saved = true;
            RuleSet = await store.GetAsync(version, cancellationToken);
            Revision = RuleSet.Revision;
            // The form's hidden field shows the posted value over the property unless it is dropped: the next save
            // would then carry the old revision and be refused as someone else's change.
            ModelState.Remove(nameof(Revision));
        }
        catch (Exception exception) when (exception is DomainException or ConcurrencyConflictException)
        {
            ModelState.AddModelError(nameof(Json), exception.Message);
        }

        return Page();
    }

    private async Task<RuleSetVersion?> FindAsync(int version, string file, CancellationToken cancellationToken)
    {
        var found = (await store.ListAsync(cancellationToken)).Find(r => r.Version == version);
        if (found is null || !found.Files.ContainsKey(file)) return null;
        RuleSet = found;
        FileName = file;
        return found;
    }
}
