using BackOffice.Web.PatientAccess;
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
        context.HttpContext.Response.Headers.CacheControl = "no-store";
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

    protected static string ClientKey(HttpContext context) => PatientAttemptLimiter.ClientKey(context);
}
