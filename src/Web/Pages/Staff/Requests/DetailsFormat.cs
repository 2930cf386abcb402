using System.Globalization;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>Numbers, days and blanks as the detail page shows them (words for identifiers: <see cref="Labels.PlainWords"/>).</summary>
public static class DetailsFormat
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Money(decimal? amount) => amount is null ? "—" : amount.Value.ToString("C", English);

    public static string Day(DateOnly? day) => day is null ? "—" : DateText.Written(day.Value);

    public static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : text;

    public static string YesNo(bool value) => value ? "Yes" : "No";

    /// <summary>The requester's language in English words, and what follows from it for the clerk.</summary>
    public static string Language(string? language) =>
        Workflows.Requests.RequesterLanguage.Normalize(language) == Workflows.Requests.RequesterLanguage.Spanish
            ? "Spanish: e-mails and letters to the requester are in Spanish"
            : "English";

    /// <summary>Only the types the document store accepts are sent as themselves; anything else as plain bytes.</summary>
    public static string SafeContentType(string contentType) =>
        contentType is "application/pdf" or "image/jpeg" or "image/png" ? contentType : "application/octet-stream";

    public static string Size(long bytes) => Documents.DocumentStore.FormatSize(bytes);
}
