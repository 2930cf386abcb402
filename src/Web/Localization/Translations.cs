using System.Globalization;
using System.Resources;

namespace BackOffice.Web.Localization;

/// <summary>
/// Words the code writes in English — the words a request stores, the English paper form prints and staff read — shown
/// to a reader in their language. The translations are in a resource file beside the class that owns the words
/// (<c>RequestLabels.es.resx</c> beside <c>RequestLabels.cs</c>), keyed by the English text as ASP.NET Core's own
/// localizers key theirs; a template keeps its placeholders (<c>"{0} (our clinics and offices)"</c>). English needs no
/// file: the code's text is the English. A text with no translation is shown in English, and tests check that every text
/// has one (tests/Web.Tests/Localization).
/// </summary>
public sealed class Translations(Type owner)
{
    private readonly ResourceManager _resources = new(owner ?? throw new ArgumentNullException(nameof(owner)));

    /// <summary><paramref name="english"/> in <paramref name="language"/> (null: the language of the page being made).</summary>
    public string Text(string english, CultureInfo? language = null) => Find(english, language ?? CultureInfo.CurrentUICulture) ?? english;

    /// <summary>A template in the page's language, filled in (numbers the US way in every language).</summary>
    public string Format(string english, params object?[] args) => FormatIn(english, null, args);

    /// <summary>A template in <paramref name="language"/> (null: the page's), filled in.</summary>
    public string FormatIn(string english, CultureInfo? language, params object?[] args) =>
        string.Format(SiteLanguages.FormatCulture, Text(english, language), args);

    /// <summary>The translation of <paramref name="english"/> into <paramref name="language"/>; null for English or when there is none.</summary>
    public string? Find(string english, CultureInfo language)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(language);
        var code = RequesterLanguageOf(language);
        if (code is null) return null;
        // The language's own file ("es"), whatever the region asked for ("es-MX"); no fallback to a neutral file.
        var translations = _resources.GetResourceSet(SiteLanguages.Culture(code), createIfNotExists: true, tryParents: false);
        return translations?.GetString(english) is { Length: > 0 } text ? text : null;
    }

    // A language the site is written in other than English, or null.
    private static string? RequesterLanguageOf(CultureInfo language)
    {
        var code = language.TwoLetterISOLanguageName;
        return code != SiteLanguages.English && SiteLanguages.All.Contains(code, StringComparer.Ordinal) ? code : null;
    }
}
