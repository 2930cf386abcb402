using System.Net.Http.Headers;

namespace BackOffice.Web.Tests.Localization;

/// <summary>How a browser says which language it reads: the culture cookie the language switch sets, or Accept-Language.</summary>
public static class Languages
{
    /// <summary>The cookie <c>GET /language/es</c> sets (CookieRequestCultureProvider's name and format).</summary>
    public const string SpanishCookie = ".AspNetCore.Culture=c%3Den-US%7Cuic%3Des";

    public static async Task<(System.Net.HttpStatusCode Status, string Html)> GetInSpanishAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", SpanishCookie);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<(System.Net.HttpStatusCode Status, string Html)> GetWithAcceptLanguageAsync(this HttpClient client,
        string path, string acceptLanguage)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Chooses Spanish with the language switch, as a visitor would: the client's cookies now carry it.</summary>
    public static async Task ChooseSpanishAsync(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri("/language/es?returnUrl=%2F", UriKind.Relative));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
    }

    /// <summary>The value of the root element's lang attribute.</summary>
    public static string? HtmlLang(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<html lang=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    public static string? SetCookie(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
    }

    public static MediaTypeHeaderValue Html { get; } = new("text/html");
}
