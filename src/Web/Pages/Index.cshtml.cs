using System.Globalization;
using BackOffice.Web.Localization;
using BackOffice.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages;

/// <summary>"Medical records requests": the ways to ask, what to know first, delivery, fees and payment, contacts, and the
/// notice that language assistance is free. Names, contacts and hours come from configuration (<see cref="SiteOptions"/>,
/// in the page's language), the words from <c>Index.resx</c> / <c>Index.es.resx</c>.</summary>
public sealed class IndexModel(LocalizedSite sites, IOptions<LanguageAssistanceOptions> assistance) : PageModel
{
    public SiteOptions Site { get; } = sites.Current;

    /// <summary>The questions line for a tel: link (digits and a leading +).</summary>
    public string QuestionsPhoneLink => "tel:" + new string([.. Site.QuestionsPhone.Where(c => char.IsDigit(c) || c == '+')]);

    public string PaymentPhoneLink => "tel:" + new string([.. Site.PaymentPhone.Where(c => char.IsDigit(c) || c == '+')]);

    public string Tty => assistance.Value.Tty;

    /// <summary>The language-assistance tagline of every configured language but the page's own, by language code.</summary>
    public IReadOnlyList<Tagline> Taglines => [.. assistance.Value.Taglines
        .Where(t => !string.IsNullOrWhiteSpace(t.Value) && !SameLanguage(t.Key, SiteLanguages.Current))
        .OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase)
        .Select(t => new Tagline(t.Key, Fill(t.Value), IsRightToLeft(t.Key) ? "rtl" : "ltr"))];

    public void OnGet()
    {
    }

    private string Fill(string text) => text
        .Replace("{Phone}", Site.QuestionsPhone, StringComparison.Ordinal)
        .Replace("{Tty}", Tty, StringComparison.Ordinal);

    private static bool SameLanguage(string code, string language) =>
        string.Equals(code.Split('-')[0], language, StringComparison.OrdinalIgnoreCase);

    private static bool IsRightToLeft(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code).TextInfo.IsRightToLeft;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>One language's tagline, with its language code and writing direction for the page.</summary>
    public sealed record Tagline(string Language, string Text, string Direction);
}
