using BackOffice.Web.Http;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.PatientAccess;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Portal;

/// <summary>What the three portal pages share: the link's paths, and the "link not valid", "too many attempts" and
/// "try again later" answers.</summary>
public abstract class PortalPage : PageModel
{
    public bool LinkNotValid { get; private set; }
    public bool TooManyAttempts { get; private set; }
    public bool MailUnavailable { get; private set; }

    /// <summary>How long to wait before asking again when our mail could not send a code.</summary>
    public static readonly TimeSpan MailRetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>Cookies of a link are sent to that link's pages only.</summary>
    public static string PathFor(string token) => $"/portal/{token}";

    public string? Invalid(string field) => ModelState[field]?.Errors.Count > 0 ? "true" : null;

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.MarkNoStore();
        // The token is in the address: do not let it leak to other sites through the Referer header.
        context.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>Unknown, expired, replaced, or its request moved on: one answer for all.</summary>
    protected PageResult LinkGone()
    {
        ModelState.Clear();
        LinkNotValid = true;
        var page = Page();
        page.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }

    /// <summary>429, with the wait before the refused bucket (<paramref name="retryAfter"/>) refills.</summary>
    protected PageResult Refuse(TimeSpan retryAfter)
    {
        ModelState.Clear();
        TooManyAttempts = true;
        RateLimits.SetRetryAfter(Response, retryAfter);
        var page = Page();
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
    }

    /// <summary>503 "try again later": the code could not be e-mailed (our mail server is down), and nothing was used up.</summary>
    protected PageResult MailDown()
    {
        ModelState.Clear();
        MailUnavailable = true;
        RateLimits.SetRetryAfter(Response, MailRetryAfter);
        var page = Page();
        page.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return page;
    }

    /// <summary>
    /// E-mails a new code when the link has a send left, counting the send only once the mail has left, and gives this
    /// browser the code page's pass. Null when sent; otherwise the answer to show (too many sends, link gone, mail down).
    /// </summary>
    protected async Task<IActionResult?> SendCodeAsync(PortalAccess portal, PatientAttemptLimiter limiter, PatientPasses passes,
        PortalLink link, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(passes);
        ArgumentNullException.ThrowIfNull(link);
        var linkKey = link.Grant.Id.ToString("N");
        if (!await limiter.HasRoomAsync(AttemptBucket.PortalCodesPerLink, linkKey, cancellationToken))
            return Refuse(limiter.WindowOf(AttemptBucket.PortalCodesPerLink));
        try
        {
            if (!await portal.SendCodeAsync(link, token, cancellationToken)) return LinkGone();
        }
        catch (EmailNotSentException)
        {
            return MailDown(); // the code was not sent, so it is not counted against the link's sends
        }

        await limiter.TryUseAsync(AttemptBucket.PortalCodesPerLink, linkKey, cancellationToken);
        passes.Give(Response, PassKind.PortalCode, link.Grant.Id, PathFor(token), TimeSpan.FromMinutes(portal.Options.CodeMinutes));
        return null;
    }

    protected static string ClientKey(HttpContext context) => PatientAttemptLimiter.ClientKey(context);
}
