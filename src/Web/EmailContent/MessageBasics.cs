using System.Globalization;
using BackOffice.Web.Site;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.EmailContent;

/// <summary>What every message shows (the department's names and contacts, the tracking number, links) and how
/// dates and amounts are written, so requester and staff messages read alike.</summary>
public sealed class MessageBasics(IOptions<SiteOptions> site, DepartmentClock clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public SiteOptions Site { get; } = site.Value;

    public DateOnly Today => clock.Today;

    /// <summary>The department's clock, for the days and times messages write out.</summary>
    public DepartmentClock Clock => clock;

    /// <summary>An absolute link for a path of this app, from <c>BackOffice:Site:PublicBaseUrl</c>.</summary>
    public string Url(string path) => Site.PublicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');

    public static string Written(DateOnly day) => DateText.Written(day);

    public static string Money(decimal amount) => amount.ToString("C", English);

    public MessageValues Common(string trackingNumber) => new MessageValues()
        .Set("OrganisationName", Site.OrganisationName)
        .Set("DepartmentName", Site.DepartmentName)
        .Set("DepartmentPhone", Site.QuestionsPhone)
        .Set("QuestionsHours", Site.QuestionsHours)
        .Set("DepartmentAddress", Site.MailingAddress)
        .Set("StatusUrl", Url("/status"))
        .Set("TrackingNumber", trackingNumber);

    /// <summary>A usable address, trimmed, or null.</summary>
    public static string? Address(string? email) =>
        !string.IsNullOrWhiteSpace(email) && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _) ? email.Trim() : null;
}
