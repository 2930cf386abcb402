using BackOffice.Workflows.RuleSets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff.Rules;

/// <summary>What a version changes in one file against another version (by default the one in force).</summary>
public sealed class DiffModel(RuleSetStore store) : PageModel
{
    public int Version { get; private set; }
    public int Against { get; private set; }
    public string FileName { get; private set; } = "";
    public IReadOnlyList<DiffLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int version, string file, int against, CancellationToken cancellationToken)
    {
        var versions = await store.ListAsync(cancellationToken);
        var changed = versions.Find(r => r.Version == version);
        var baseline = versions.Find(r => r.Version == against);
        if (changed is null || baseline is null || !changed.Files.TryGetValue(file, out var after)) return NotFound();
        (Version, Against, FileName) = (version, against, file);
        Lines = LineDiff.Compute(baseline.Files.GetValueOrDefault(file) ?? "", after);
        return Page();
    }
}
