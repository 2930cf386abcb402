using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Support;

/// <summary>
/// A browser-like client for the staff screens: keeps cookies, does not follow redirects (so tests see where a
/// response sends them), and posts forms with the antiforgery token read from the form page, as a browser would.
/// </summary>
public static partial class StaffClient
{
    public static HttpClient CreateBrowser(this BackOfficeFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>A browser signed in as <paramref name="userName"/> (a demo account unless told otherwise).</summary>
    public static async Task<HttpClient> SignedInAsync(this BackOfficeFactory factory, string userName,
        string password = BackOfficeFactory.DemoPassword)
    {
        var client = factory.CreateBrowser();
        var response = await client.SignInAsync(userName, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {userName} failed: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName,
        string password = BackOfficeFactory.DemoPassword, string? returnUrl = null) =>
        client.PostFormAsync("/Account/SignIn" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)),
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>GETs <paramref name="formPage"/>, reads its antiforgery token and posts the fields with it to
    /// <paramref name="action"/> (the form page itself unless given), as a browser does. Each pair is one form field
    /// (repeat a name for check boxes); hidden inputs of the form are not copied.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage,
        IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetAsync(new Uri(formPage, UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {formPage}");
        var token = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var form = fields.Append(KeyValuePair.Create("__RequestVerificationToken", token));
        return await client.PostAsync(new Uri(action ?? formPage, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    public static async Task<(HttpStatusCode Status, string Html)> GetPageAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(path, UriKind.RelativeOrAbsolute));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        match.Success.ShouldBeTrue("the page has no antiforgery token");
        return match.Groups[1].Value;
    }

    /// <summary>The message shown next to a field (the element with id "{fieldId}-error"), decoded; null when none.</summary>
    public static string? FieldError(string html, string fieldId)
    {
        var match = Regex.Match(html, $"<span[^>]*id=\"{Regex.Escape(fieldId)}-error\"[^>]*>(.*?)</span>", RegexOptions.Singleline);
        if (!match.Success) return null;
        var text = WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The messages of the page's error summary, decoded, in order.</summary>
    public static List<string> ErrorSummary(string html)
    {
        var summary = Regex.Match(html, "<div class=\"error-summary\".*?</ul>", RegexOptions.Singleline);
        return summary.Success
            ? [.. Regex.Matches(summary.Value, "<li>(.*?)</li>", RegexOptions.Singleline)
                .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim())]
            : [];
    }

    public static string? Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    /// <summary>The account as stored, read through a fresh scope.</summary>
    public static async Task<StaffUser?> FindStaffUserAsync(this BackOfficeFactory factory, string userName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName);
    }

    public static async Task<IList<string>> RolesOfAsync(this BackOfficeFactory factory, string userName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"no account {userName}");
        return await users.GetRolesAsync(user);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
