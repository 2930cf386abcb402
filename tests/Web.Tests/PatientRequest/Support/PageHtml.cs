namespace BackOffice.Web.Tests.PatientRequest.Support;

public static class PageHtml
{
    /// <summary>The start tag of the input with this id, or null.</summary>
    public static string? Input(string html, string id) =>
        System.Text.RegularExpressions.Regex.Match(html, $"<input[^>]*\\sid=\"{System.Text.RegularExpressions.Regex.Escape(id)}\"[^>]*>") is { Success: true } match
            ? match.Value
            : null;
}
