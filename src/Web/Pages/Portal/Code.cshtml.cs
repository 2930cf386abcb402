using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Portal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Pages.Portal;

/// <summary>
/// Step 2: the one-time code, for the browser that matched the date of birth. A right code is used up and lets this
/// browser download for a few minutes; five wrong tries void the code, and a new one can be e-mailed.
/// </summary>
public sealed class CodeModel(PortalAccess portal, PatientAttemptLimiter limiter, PatientPasses passes, IStringLocalizer<PortalText> words)
    : PortalPage
{
    [BindProperty] public string? Code { get; set; }

    public string SentTo { get; private set; } = "";
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var link = await portal.OpenAsync(token, cancellationToken);
        if (link is null) return LinkGone();
        if (!passes.Holds(Request, PassKind.PortalCode, link.Grant.Id)) return Redirect(PathFor(token));
        SentTo = PortalAccess.MaskedAddress(link);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await limiter.TryUseAsync(AttemptBucket.PortalPerIp, ClientKey(HttpContext), cancellationToken)) return Refuse(limiter.WindowOf(AttemptBucket.PortalPerIp));
        var link = await portal.OpenAsync(token, cancellationToken);
        if (link is null) return LinkGone();
        if (!passes.Holds(Request, PassKind.PortalCode, link.Grant.Id)) return Redirect(PathFor(token));
        SentTo = PortalAccess.MaskedAddress(link);
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), words["EnterCode"]);
            return Page();
        }

        var (result, triesLeft) = await portal.CheckCodeAsync(link, token, Code, cancellationToken);
        ModelState.Clear();
        Code = null;
        switch (result)
        {
            case CodeCheck.Accepted:
                passes.Withdraw(Response, PassKind.PortalCode, PathFor(token));
                passes.Give(Response, PassKind.PortalDownload, link.Grant.Id, PathFor(token), TimeSpan.FromMinutes(portal.Options.DownloadMinutes));
                return Redirect(PathFor(token) + "/download");
            case CodeCheck.Wrong:
                ModelState.AddModelError(nameof(Code), words[triesLeft == 1 ? "WrongCodeOneTry" : "WrongCode", triesLeft]);
                return Page();
            default:
                ModelState.AddModelError(nameof(Code), words["CodeUsedUp"]);
                return Page();
        }
    }

    public async Task<IActionResult> OnPostResendAsync(string token, CancellationToken cancellationToken)
    {
        if (!await limiter.TryUseAsync(AttemptBucket.PortalPerIp, ClientKey(HttpContext), cancellationToken)) return Refuse(limiter.WindowOf(AttemptBucket.PortalPerIp));
        var link = await portal.OpenAsync(token, cancellationToken);
        if (link is null) return LinkGone();
        if (!passes.Holds(Request, PassKind.PortalCode, link.Grant.Id)) return Redirect(PathFor(token));
        if (await SendCodeAsync(portal, limiter, passes, link, token, cancellationToken) is { } notSent) return notSent;
        SentTo = PortalAccess.MaskedAddress(link);
        ModelState.Clear();
        Code = null;
        Notice = words["NewCodeSent"];
        return Page();
    }
}
