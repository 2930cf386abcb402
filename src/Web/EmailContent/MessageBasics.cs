using System.Globalization;
using BackOffice.Web.Localization;
using BackOffice.Web.Site;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.EmailContent;

/// <summary>What every message shows (the department's names and contacts, the tracking number, links) and how
/// dates and amounts are written, so requester and staff messages read alike. Dates are written in the language of the
/// message being composed (the current UI culture, see <see cref="SiteLanguages.Use"/>); amounts are US dollars in both.</summary>
public sealed class MessageBasics(IOptions<SiteOptions> site, LocalizedSite sites, DepartmentClock clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The site's settings in English (staff messages).</summary>
    public SiteOptions Site { get; } = site.Value;

    public DateOnly Today => clock.Today;

    /// <summary>The department's clock, for the days and times messages write out.</summary>
    public DepartmentClock Clock => clock;

    /// <summary>The site's names, contacts and sentences in <paramref name="language"/>.</summary>
    public SiteOptions SiteIn(string language) => sites.For(language);

    /// <summary>An absolute link for a path of this app, from <c>BackOffice:Site:PublicBaseUrl</c>.</summary>
    public string Url(string path) => Site.PublicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    public static string Written(DateOnly day) => DateText.Written(day);

    public static string Money(decimal amount) => amount.ToString("C", English);

    /// <summary>The values every message has, with the department's words in <paramref name="language"/> (English by default).</summary>
    public MessageValues Common(string trackingNumber, string language = SiteLanguages.English)
    {
        var words = SiteIn(language);
        return new MessageValues()
            .Set("OrganisationName", words.OrganisationName)
            .Set("DepartmentName", words.DepartmentName)
            .Set("DepartmentPhone", words.QuestionsPhone)
            .Set("QuestionsHours", words.QuestionsHours)
            .Set("DepartmentAddress", words.MailingAddress)
            .Set("StatusUrl", Url("/status"))
            .Set("TrackingNumber", trackingNumber);
    }

    /// <summary>A usable address, trimmed, or null.</summary>
    public static string? Address(string? email) =>
        !string.IsNullOrWhiteSpace(email) && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _) ? email.Trim() : null;
}
