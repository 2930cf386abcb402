using BackOffice.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages;

/// <summary>
/// The answer to any error without a page of its own: an exception (500; 503 with Retry-After when the database is
/// away for a moment), a request the server could not read (400,
/// 413, 415), a path that does not exist (404), a method a page does not take (405). It keeps the status it was given
/// and says what the person can do; it never shows exception details. Shown for every method (a failed POST is
/// re-executed as a POST), so it takes no antiforgery token and has no handlers of its own. In the language of the page
/// that failed (staff pages: English); the words are in <c>Error.resx</c> / <c>Error.es.resx</c>, one title and one
/// explanation per <see cref="Kind"/>.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(LocalizedSite sites) : PageModel
{
    public SiteOptions Site { get; } = sites.Current;

    /// <summary>Called by the view (the page has no handlers, so it answers every method): a 503 says when to try again.</summary>
    public void SayWhenToRetry()
    {
        if (Status == StatusCodes.Status503ServiceUnavailable)
            Response.Headers.RetryAfter = Input.DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public int Status => HttpContext.Response.StatusCode;

    /// <summary>Which error this is, as the resource keys name it: "Title." + Kind and "Explanation." + Kind.</summary>
    public string Kind => Status switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType => "Unreadable",
        StatusCodes.Status404NotFound => "NotFound",
        StatusCodes.Status405MethodNotAllowed => "MethodNotAllowed",
        StatusCodes.Status413PayloadTooLarge => "TooLarge",
        StatusCodes.Status429TooManyRequests => "TooMany",
        StatusCodes.Status503ServiceUnavailable => "Unavailable",
        _ => "Failed",
    };
}
