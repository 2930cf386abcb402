using System.Globalization;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// What every letter about a request needs: the site's words and contacts, the request as it is, the letter's date and
/// the department's clock (a payment's day is the department's day).
/// </summary>
public sealed record LetterContext(SiteOptions Site, RecordsRequest Request, DateOnly Date, DepartmentClock Clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public string Written(DateOnly day) => DateText.Written(day);

    public string Written(DateTimeOffset instant) => Clock.Written(instant);

    public static string Money(decimal amount) => amount.ToString("C", English);

    public string Questions => $"Questions? Call {Site.QuestionsPhone}, {Site.QuestionsHours}, and give the tracking number {Request.TrackingNumber}.";
}
