using BackOffice.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// The words of the letters and the invoice (<c>LetterWords.resx</c>, <c>LetterWords.es.resx</c>) and the rules' words
/// they quote (<see cref="RuleWords"/>), in a language given with each call: a letter is written in its reader's
/// language whatever page or job renders it.
/// </summary>
public sealed class LetterWords
{
    private readonly IStringLocalizer _words;

    public LetterWords(IStringLocalizerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _words = factory.Create(typeof(LetterWords));
        Rules = new RuleWords(new StringLocalizer<RuleWords>(factory));
    }

    /// <summary>The shipped resources, for code that renders letters without the app's services (the benchmark).</summary>
    public static LetterWords Shipped { get; } = new(new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public RuleWords Rules { get; }

    public string Get(string language, string key, params object[] arguments)
    {
        using var inLanguage = SiteLanguages.Use(language);
        return _words[key, arguments].Value;
    }

    /// <summary>A text of the rules (a missing item, a fee line's basis, where to ask) in <paramref name="language"/>.</summary>
    public string Rule(string language, string text)
    {
        using var inLanguage = SiteLanguages.Use(language);
        return Rules.Text(text);
    }
}
