using System.Globalization;
using BackOffice.Workflows.Requests;
using Microsoft.AspNetCore.Diagnostics;

namespace BackOffice.Web.Localization;

/// <summary>
/// The languages of the public pages, the requester's messages and letters: English (the default) and Spanish. The
/// words change with the language (<see cref="CultureInfo.CurrentUICulture"/>, "en" or "es"); numbers, amounts and what a
/// form's fields accept are written the US way in both (<see cref="FormatCulture"/>), so "6.50" means the same in either.
/// Dates are written in the reader's language by <see cref="Workflows.Time.DateText"/>.
/// </summary>
public static class SiteLanguages
{
    public const string English = RequesterLanguage.English;
    public const string Spanish = RequesterLanguage.Spanish;

    /// <summary>Every language, the default first (the same list the request's <see cref="RequesterLanguage"/> accepts).</summary>
    public static IReadOnlyList<string> All => RequesterLanguage.All;

    /// <summary>Numbers, money and form input: US conventions in every language.</summary>
    public static readonly CultureInfo FormatCulture = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Each language's name in itself, as the language switch shows it.</summary>
    public static string NativeName(string language) => language switch
    {
        Spanish => "Español",
        _ => "English",
    };

    /// <summary>The language of the page being made ("en" or "es").</summary>
    public static string Current => RequesterLanguage.Of(CultureInfo.CurrentUICulture);

    public static CultureInfo Culture(string language) => RequesterLanguage.CultureOf(language);

    /// <summary>
    /// Staff screens (and their sign-in) stay English whatever the visitor chose: they are not translated, and a clerk's
    /// screen half in Spanish because of a cookie would help no one.
    /// </summary>
    public static bool IsStaffPath(PathString path) =>
        path.StartsWithSegments("/Staff", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase);

    /// <summary>The address the visitor asked for: for an error page, the page that failed, not <c>/Error</c>.</summary>
    public static PathString RequestedPath(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted) return new PathString(reExecuted.OriginalPath);
        if (context.Features.Get<IExceptionHandlerPathFeature>() is { } failed) return new PathString(failed.Path);
        return context.Request.Path;
    }

    /// <summary>Runs the enclosed work (a message, a letter) in <paramref name="language"/>, then restores the caller's language.</summary>
    public static LanguageScope Use(string language) => new(Culture(language));

    /// <summary>Sets <see cref="CultureInfo.CurrentUICulture"/> (and US formats) until disposed.</summary>
    public sealed class LanguageScope : IDisposable
    {
        private readonly CultureInfo _culture;
        private readonly CultureInfo _uiCulture;

        internal LanguageScope(CultureInfo language)
        {
            _culture = CultureInfo.CurrentCulture;
            _uiCulture = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentCulture = FormatCulture;
            CultureInfo.CurrentUICulture = language;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
