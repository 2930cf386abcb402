using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Pages.Portal;

/// <summary>Step 1 of a portal download: the link from the e-mail, then the patient's date of birth; a match e-mails a code.</summary>
public sealed class IndexModel(PortalAccess portal, PatientAttemptLimiter limiter, PatientPasses passes, IStringLocalizer<PortalText> words)
    : PortalPage
{
    /// <summary>The English of <c>PortalText</c>'s "Mismatch".</summary>
    public const string MismatchMessage = "We could not confirm that date of birth. Check it and try again.";

    [BindProperty] public string? DateOfBirth { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await portal.OpenAsync(token, cancellationToken) is null ? LinkGone() : Page();

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await limiter.TryUseAsync(AttemptBucket.PortalPerIp, ClientKey(HttpContext), cancellationToken)) return Refuse(limiter.WindowOf(AttemptBucket.PortalPerIp));
        var link = await portal.OpenAsync(token, cancellationToken);
        if (link is null) return LinkGone();
        var linkKey = link.Grant.Id.ToString("N");
        if (!await limiter.HasRoomAsync(AttemptBucket.PortalFailuresPerLink, linkKey, cancellationToken)) return Refuse(limiter.WindowOf(AttemptBucket.PortalFailuresPerLink));

        var dateOfBirth = DateInput.Parse(DateOfBirth);
        if (dateOfBirth is null)
        {
            ModelState.AddModelError(nameof(DateOfBirth), string.IsNullOrWhiteSpace(DateOfBirth)
                ? words["EnterDateOfBirth"]
                : words["DateOfBirthFormat"]);
            return Page();
        }

        if (!PortalAccess.DateOfBirthMatches(link, dateOfBirth.Value))
        {
            await limiter.TryUseAsync(AttemptBucket.PortalFailuresPerLink, linkKey, cancellationToken);
            ModelState.Clear();
            DateOfBirth = null;
            ModelState.AddModelError(nameof(DateOfBirth), words["Mismatch"]);
            return Page();
        }

        if (await SendCodeAsync(portal, limiter, passes, link, token, cancellationToken) is { } notSent) return notSent;
        return Redirect(PathFor(token) + "/code");
    }
}
