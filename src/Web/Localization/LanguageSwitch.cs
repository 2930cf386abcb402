using BackOffice.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;

namespace BackOffice.Web.Localization;

/// <summary>
/// <c>GET /language/{language}?returnUrl=/path</c>: remembers the visitor's language in the standard culture cookie
/// (<see cref="CookieRequestCultureProvider"/>, for the whole site, a year) and goes back to the page they were on. Only
/// an address of this site is followed back (anything else goes to the home page), so the link cannot send anyone
/// elsewhere. Nothing else is touched: the online request's answers are in their own cookie and stay as they were.
/// A link, not a form, so a page needs no antiforgery token (or cookie) to offer it; changing the language is harmless.
/// </summary>
public static class LanguageSwitch
{
    public const string PathPrefix = "/language";

    /// <summary>The link that switches to <paramref name="language"/> and comes back to <paramref name="returnUrl"/>.</summary>
    public static string Link(string language, string returnUrl) =>
        $"{PathPrefix}/{language}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>The link back to the page being shown: its path and query (for an error page, the page that failed).</summary>
    public static string Link(string language, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = SiteLanguages.RequestedPath(context);
        var query = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is { } reExecuted
            ? reExecuted.OriginalQueryString
            : context.Request.QueryString.Value;
        return Link(language, path.Value + query);
    }

    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(PathPrefix + "/{language}", Switch).WithName("LanguageSwitch");
        return endpoints;
    }

    private static IResult Switch(string language, string? returnUrl, HttpContext context, HttpOptions http)
    {
        if (!SiteLanguages.All.Contains(language, StringComparer.Ordinal)) return Results.NotFound();
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(SiteLanguages.FormatCulture, SiteLanguages.Culture(language))),
            new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.RequireHttps == true,
                // A preference the visitor asked for, not tracking.
                IsEssential = true,
            });
        context.Response.MarkNoStore();
        return Results.LocalRedirect(IsSafeReturn(returnUrl) ? returnUrl! : "/");
    }

    private static bool IsSafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2048 && !returnUrl.Any(char.IsControl)
        && RedirectHttpResult.IsLocalUrl(returnUrl) && !returnUrl.StartsWith('~');
}
