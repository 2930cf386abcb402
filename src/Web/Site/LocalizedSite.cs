using BackOffice.Web.Localization;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Site;

/// <summary>
/// <see cref="SiteOptions"/> in a language: names, phones and addresses as configured, sentences in that language (see
/// <see cref="SiteWords"/>). English is the plain <c>IOptions&lt;SiteOptions&gt;</c>; other languages are named options.
/// </summary>
public sealed class LocalizedSite(IOptionsMonitor<SiteOptions> options)
{
    /// <summary>In the language of the page being made.</summary>
    public SiteOptions Current => For(SiteLanguages.Current);

    /// <summary>In <paramref name="language"/> ("en", "es"; e.g. a request's <c>Language</c>).</summary>
    public SiteOptions For(string? language)
    {
        var code = Workflows.Requests.RequesterLanguage.Normalize(language);
        return options.Get(code == SiteLanguages.English ? Options.DefaultName : code);
    }
}
