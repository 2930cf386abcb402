using BackOffice.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages;

/// <summary>
/// The answer to any error without a page of its own: an exception (500; 503 with Retry-After when the database is
/// away for a moment), a request the server could not read (400,
/// 413, 415), a path that does not exist (404), a method a page does not take (405). It keeps the status it was given
/// and says what the person can do; it never shows exception details. Shown for every method (a failed POST is
/// re-executed as a POST), so it takes no antiforgery token and has no handlers of its own.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IOptions<SiteOptions> site) : PageModel
{
    public SiteOptions Site => site.Value;

    /// <summary>Called by the view (the page has no handlers, so it answers every method): a 503 says when to try again.</summary>
    public void SayWhenToRetry()
    {
        if (Status == StatusCodes.Status503ServiceUnavailable)
            Response.Headers.RetryAfter = Input.DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public int Status => HttpContext.Response.StatusCode;

    public string Title => Status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType => "We could not read what was sent",
        StatusCodes.Status404NotFound => "Page not found",
        StatusCodes.Status405MethodNotAllowed => "That page cannot do this",
        StatusCodes.Status413PayloadTooLarge => "What was sent is too large",
        StatusCodes.Status429TooManyRequests => "Too many attempts",
        StatusCodes.Status503ServiceUnavailable => "Briefly unavailable",
        _ => "Something went wrong",
    };

    public string Explanation => Status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType =>
            "The form may have been open too long, or the browser sent something we could not read. Nothing was saved. Go back, reload the page and try again.",
        StatusCodes.Status404NotFound => "Check the address, or start again from the home page.",
        StatusCodes.Status405MethodNotAllowed => "Go back and use the page's own buttons and links.",
        StatusCodes.Status413PayloadTooLarge =>
            "Nothing was saved. Go back and send less: shorter answers, or a smaller scan or photo.",
        StatusCodes.Status429TooManyRequests => "For your security, this is paused for a while. Try again later.",
        StatusCodes.Status503ServiceUnavailable =>
            "We could not reach our records system just now. Nothing you sent was half-saved and your answers are kept: go back and try again in a minute.",
        _ => "We could not complete that. Nothing you sent was half-saved; please try again.",
    };
}
