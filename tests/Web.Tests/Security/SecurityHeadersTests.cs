using System.Net;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps (enumerated from its own endpoint data, so a new one cannot be forgotten), plus files,
/// errors and the jobs dashboard, answers with the security headers — whatever the status, signed in or not.
/// </summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndNoPolicyAllowsInlineScript()
    {
        await using var factory = new BackOfficeFactory();
        var urls = Addresses(factory);
        urls.ShouldContain("/request");
        urls.ShouldContain("/Staff/Requests");
        urls.ShouldContain("/api/fee-estimate");
        urls.AddRange(["/hangfire", "/css/site.css", "/js/fee-estimate.js", "/no-such-page", "/hangfire/stats", "/Error"]);
        using var anonymous = factory.CreateBrowser();
        using var supervisor = await factory.SignedInAsync("supervisor");
        var problems = new List<string>();

        foreach (var url in urls)
        {
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("supervisor", supervisor) })
            {
                foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
                {
                    using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
                    if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent([KeyValuePair.Create("probe", "1")]);
                    using var response = await client.SendAsync(request);
                    problems.AddRange(Missing(response).Select(p => $"{method} {url} as {who} ({(int)response.StatusCode}): {p}"));
                }
            }
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems.Take(40)));
    }

    [Fact]
    public async Task WithHttpsRequired_HttpIsRedirected_AndHttpsAnswersWithHsts()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Http:RequireHttps"] = "true", ["HTTPS_PORT"] = "443", ["BackOffice:Site:PublicBaseUrl"] = "https://records.example.org",
        });
        // Browsers are never told HSTS for localhost, so the test asks by the public name.
        using var http = factory.CreateDefaultClient(new Uri("http://records.example.org"));

        var plain = await http.GetAsync(new Uri("/request", UriKind.Relative));

        ((int)plain.StatusCode).ShouldBeOneOf(307, 308);
        plain.Headers.Location!.ToString().ShouldStartWith("https://records.example.org/request");
        using var https = factory.CreateDefaultClient(new Uri("https://records.example.org"));
        var secure = await https.GetAsync(new Uri("/request", UriKind.Relative));
        secure.StatusCode.ShouldBe(HttpStatusCode.OK);
        secure.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
        secure.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("upgrade-insecure-requests");
    }

    [Fact]
    public async Task AForgedHostHeader_IsRefused_NotReflectedIntoARedirect()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:Site:PublicBaseUrl"] = "https://records.example.org" });
        using var client = factory.CreateBrowser();
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/Staff/Requests", UriKind.Relative));
        forged.Headers.Host = "evil.example";
        using var genuine = new HttpRequestMessage(HttpMethod.Get, new Uri("/Staff/Requests", UriKind.Relative));
        genuine.Headers.Host = "records.example.org";

        var refused = await client.SendAsync(forged);
        var redirected = await client.SendAsync(genuine);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Headers.Location.ShouldBeNull();
        redirected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirected.Headers.Location!.ToString().ShouldStartWith("http://records.example.org/Account/SignIn");
    }

    [Fact]
    public async Task TheDefaultPublicBaseUrl_OutsideDevelopment_IsWarnedAbout()
    {
        await using var defaults = new BackOfficeFactory();
        await using var configured = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:Site:PublicBaseUrl"] = "https://records.example.org" });
        defaults.CreateClient().Dispose();
        configured.CreateClient().Dispose();

        defaults.LogMessages.ShouldContain(m => m.Contains("PublicBaseUrl is still http://localhost:5080", StringComparison.Ordinal));
        configured.LogMessages.ShouldNotContain(m => m.Contains("PublicBaseUrl is still", StringComparison.Ordinal));
    }

    /// <summary>What a response lacks of the headers every response must carry.</summary>
    public static IEnumerable<string> Missing(HttpResponseMessage response)
    {
        string? One(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

        var csp = One("Content-Security-Policy");
        if (csp is null) yield return "no Content-Security-Policy";
        else
        {
            var script = Directive(csp, "script-src") ?? Directive(csp, "default-src");
            if (script is null) yield return "the CSP limits no scripts";
            else if (script.Contains("'unsafe-inline'", StringComparison.Ordinal) || script.Contains("'unsafe-eval'", StringComparison.Ordinal) || script.Contains('*'))
                yield return $"the CSP allows inline or any script: {script}";
            var ancestors = Directive(csp, "frame-ancestors");
            if (ancestors is null) yield return "no frame-ancestors";
        }

        if (One("X-Content-Type-Options") != "nosniff") yield return "no X-Content-Type-Options: nosniff";
        if (One("Referrer-Policy") is null) yield return "no Referrer-Policy";
        if (One("Permissions-Policy") is null) yield return "no Permissions-Policy";
        if (One("X-Frame-Options") is not ("DENY" or "SAMEORIGIN")) yield return "no X-Frame-Options";
        if (One("Server") is not null) yield return "a Server header";
    }

    private static string? Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal) || d == name);

    private static List<string> Addresses(BackOfficeFactory factory) =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + EndpointSamples.Sample(e.RoutePattern)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
}
