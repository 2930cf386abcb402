using System.Globalization;
using BackOffice.Web.Localization;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// What every letter about a request needs: the site's words and contacts (in the letter's language), the request as it
/// is, the letter's date, the department's clock (a payment's day is the department's day) and the letter's
/// <paramref name="Language"/> ("en" or "es": <see cref="MessageLanguage"/> decides), with its words.
/// </summary>
public sealed record LetterContext(SiteOptions Site, RecordsRequest Request, DateOnly Date, DepartmentClock Clock,
    string Language = SiteLanguages.English, LetterWords? Words = null)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private LetterWords AllWords => Words ?? LetterWords.Shipped;

    /// <summary>The letter's sentence <paramref name="key"/> in its language.</summary>
    public string T(string key, params object[] arguments) => AllWords.Get(Language, key, arguments);

    /// <summary>A text from the rules in the letter's language (as written when it has no translation).</summary>
    public string Rule(string text) => AllWords.Rule(Language, text);

    public string Written(DateOnly day) => DateText.Written(day, SiteLanguages.Culture(Language));

    public string Written(DateTimeOffset instant) => Written(Clock.DayOf(instant));

    /// <summary>US dollars, written the US way in every language.</summary>
    public static string Money(decimal amount) => amount.ToString("C", English);

    public string Questions => T("Letter.Questions", Site.QuestionsPhone, Site.QuestionsHours, Request.TrackingNumber);
}
