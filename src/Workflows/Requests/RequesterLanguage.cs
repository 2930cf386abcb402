using System.Globalization;

namespace BackOffice.Workflows.Requests;

/// <summary>
/// The language a requester reads, kept on the request so every later message and letter is written in it: a
/// two-letter code, "en" (the default) or "es". A culture (e.g. the web page's "es-MX") is reduced to its language,
/// and a language the department does not write in is English.
/// </summary>
public static class RequesterLanguage
{
    public const string English = "en";
    public const string Spanish = "es";

    /// <summary>The languages messages and letters are written in, the default first.</summary>
    public static readonly IReadOnlyList<string> All = [English, Spanish];

    /// <summary>Longest value stored (a two-letter code; room for a region should one ever be needed).</summary>
    public const int MaxLength = 10;

    /// <summary>"es", "es-MX", "ES" → "es"; null, empty or a language not written in → "en".</summary>
    public static string Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return English;
        var code = language.Trim();
        var dash = code.IndexOfAny(['-', '_']);
        if (dash > 0) code = code[..dash];
        code = code.ToLowerInvariant();
        return All.Contains(code) ? code : English;
    }

    /// <summary>The language of a culture, e.g. the page's <see cref="CultureInfo.CurrentUICulture"/> when a request is sent.</summary>
    public static string Of(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Normalize(culture.TwoLetterISOLanguageName);
    }

    /// <summary>The culture to write a request's messages and letters in ("en" or "es").</summary>
    public static CultureInfo CultureOf(string? language) => CultureInfo.GetCultureInfo(Normalize(language));
}
