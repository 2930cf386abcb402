using BackOffice.Web.Http;
using BackOffice.Web.Localization;
using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Pages.Status;

/// <summary>One request's status, for a browser that looked it up in the last few minutes; anyone else starts over.</summary>
public sealed class DetailsModel(BackOfficeDbContext db, PatientPasses passes, DepartmentClock clock, LifecycleEngine engine,
    IStringLocalizer<StatusText> words, RuleWords rules, ILogger<DetailsModel> logger) : PageModel
{
    public const string ForgotPassphraseTrigger = "ForgotPassphrase";

    public StatusReport Report { get; private set; } = null!;

    /// <summary>Set after the requester gave up the passphrase: the records now go as a secure link.</summary>
    [TempData] public string? StatusMessage { get; set; }

    /// <summary>
    /// "I forgot my passphrase": the encrypted file cannot be opened without it, so the passphrase is erased and the records
    /// go as a secure download link instead (checked like the portal: date of birth and a one-time code).
    /// </summary>
    public async Task<IActionResult> OnPostForgotPassphraseAsync(Guid id, CancellationToken cancellationToken)
    {
        Response.MarkNoStore();
        if (!passes.Holds(Request, PassKind.Status, id)) return RedirectToPage("Index");
        try
        {
            await engine.FireAsync(id, ForgotPassphraseTrigger, Actor.Requester("status page"), TriggerArgs.None, cancellationToken: cancellationToken);
            StatusMessage = words["PassphraseGivenUp"];
        }
        catch (TransitionRefusedException)
        {
            StatusMessage = words["PassphraseNotKept"];
        }
        catch (ConcurrencyConflictException)
        {
            StatusMessage = words["TryAgain"];
        }

        logger.LogInformation("Passphrase given up on the status page for request {RequestId}", id);
        return RedirectToPage(new { id });
    }

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
