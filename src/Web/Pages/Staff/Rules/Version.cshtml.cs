using System.Globalization;
using BackOffice.Rules;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.RuleSets;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Pages.Staff.Rules;

/// <summary>
/// One rule-set version: its files, its problems, its saved test cases, a trial against any request,
/// and publishing (drafts) or rolling back (published versions).
/// </summary>
public sealed class VersionModel(RuleSetStore store, RuleSetAdministration administration, IRuleSetValidator validator,
    PublishedRuleSetSource published, BackOfficeDbContext db, DepartmentClock clock, ILogger<VersionModel> logger) : PageModel
{
    public RuleSetVersion RuleSet { get; private set; } = null!;
    public int? InForce { get; private set; }
    public IReadOnlyList<RuleSetProblem> Problems { get; private set; } = [];
    public IReadOnlyList<TestCaseResult> TestResults { get; private set; } = [];
    public Trial? TrialResult { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Tracking { get; set; }
    [BindProperty] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(version, cancellationToken)) return NotFound();
        EffectiveFrom ??= clock.Today;
        if (!string.IsNullOrWhiteSpace(Tracking)) await TryAgainstRequestAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int version, CancellationToken cancellationToken)
    {
        if (EffectiveFrom is null) ModelState.AddModelError(nameof(EffectiveFrom), "Enter the date the rules take effect.");
        else if (EffectiveFrom < clock.Today) ModelState.AddModelError(nameof(EffectiveFrom), "The effective date cannot be in the past.");
        if (ModelState.IsValid)
        {
            try
            {
                await administration.PublishAsync(version, EffectiveFrom!.Value, User.Identity?.Name ?? "unknown", cancellationToken);
                StatusMessage = $"Version {version} is published, effective from {EffectiveFrom:yyyy-MM-dd}.";
                return RedirectToPage(new { version });
            }
            catch (InvalidRuleSetException exception)
            {
                ModelState.AddModelError(nameof(EffectiveFrom), $"Version {version} has {exception.Problems.Count} problem(s) and cannot be published; see the list below.");
            }
            catch (Exception exception) when (exception is DomainException or ConcurrencyConflictException)
            {
                ModelState.AddModelError(nameof(EffectiveFrom), exception.Message);
            }
        }

        return await LoadAsync(version, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRollbackAsync(int version, CancellationToken cancellationToken)
    {
        try
        {
            await administration.RollbackAsync(version, Reason ?? "", User.Identity?.Name ?? "unknown", cancellationToken);
            StatusMessage = $"Version {version} is rolled back; the version before it applies again.";
            return RedirectToPage("Index");
        }
        catch (Exception exception) when (exception is DomainException or ConcurrencyConflictException)
        {
            ModelState.AddModelError(nameof(Reason), exception.Message);
        }

        return await LoadAsync(version, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int version, CancellationToken cancellationToken)
    {
        var found = (await store.ListAsync(cancellationToken)).Find(r => r.Version == version);
        if (found is null) return false;
        RuleSet = found;
        InForce = published.InForce(clock.Today)?.Version;
        Problems = validator.Validate(found.Files);
        var compilation = RuleSetAdministration.Compile(found);
        if (compilation.Succeeded && found.Files.TryGetValue(BackOffice.Rules.RuleSet.TestCasesDocument, out var cases))
            TestResults = RuleSetTestCases.Run(compilation.RuleSet!, cases);
        return true;
    }

    private async Task TryAgainstRequestAsync(CancellationToken cancellationToken)
    {
        var number = TrackingNumber.Normalize(Tracking);
        var request = number is null ? null : await db.Requests.AsNoTracking().Include(r => r.Documents)
            .FirstOrDefaultAsync(r => r.TrackingNumber == number, cancellationToken);
        if (request is null)
        {
            ModelState.AddModelError(nameof(Tracking), "No request has that tracking number.");
            return;
        }

        var compilation = RuleSetAdministration.Compile(RuleSet);
        if (!compilation.Succeeded)
        {
            ModelState.AddModelError(nameof(Tracking), "This version does not compile; fix its problems first.");
            return;
        }

        logger.LogInformation("{User} ran rule set version {Version} against request {RequestId}", User.Identity?.Name, RuleSet.Version, request.Id);
        var facts = RequestFactsBuilder.From(request, clock.Today);
        TrialResult = new Trial(request.TrackingNumber, Describe(facts), compilation.RuleSet!.Evaluate(facts));
    }

    private static List<(string Name, string Value)> Describe(RequestFacts facts) =>
        typeof(RequestFacts).GetProperties()
            .Select(p => (p.Name, Convert.ToString(p.GetValue(facts), CultureInfo.InvariantCulture) ?? ""))
            .ToList();

    public sealed record Trial(string TrackingNumber, IReadOnlyList<(string Name, string Value)> Facts, RuleSetEvaluation Evaluation);
}
