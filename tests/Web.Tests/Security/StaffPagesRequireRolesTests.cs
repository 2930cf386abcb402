using System.Net;
using BackOffice.Web.Identity;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Security;

/// <summary>
/// Every staff page and handler, enumerated from the app's own endpoints (so a new page cannot be forgotten), is
/// refused without sign-in and to a role its folder does not admit. A page in a folder missing from
/// <see cref="AllowedRoles"/> fails the test: add the folder with the roles it should admit.
/// </summary>
public sealed class StaffPagesRequireRolesTests
{
    private const string SignIn = "http://localhost/Account/SignIn";
    private const string AccessDenied = "http://localhost/Account/AccessDenied";

    /// <summary>The roles each folder under /Staff admits; null: any signed-in staff member (the staff home).</summary>
    private static readonly Dictionary<string, string[]?> AllowedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = null,
        ["Users"] = [StaffRoles.Supervisor],
        ["Audit"] = [StaffRoles.Supervisor],
        ["Organisations"] = [StaffRoles.Supervisor],
        ["Dashboard"] = [StaffRoles.Supervisor],
        ["Rules"] = [StaffRoles.RulesAdmin, StaffRoles.Supervisor],
        ["Requests"] = [StaffRoles.Clerk, StaffRoles.Supervisor],
        ["Intake"] = [StaffRoles.Clerk, StaffRoles.Supervisor],
        ["Messages"] = [StaffRoles.Clerk, StaffRoles.Supervisor],
        ["Disclosures"] = [StaffRoles.Clerk, StaffRoles.Supervisor],
        ["Mailing"] = [StaffRoles.Clerk, StaffRoles.Supervisor],
        ["Lifecycle"] = null,
        ["Incidents"] = [StaffRoles.Clerk, StaffRoles.Supervisor],
        ["Retention"] = [StaffRoles.Supervisor],
    };

    /// <summary>A demo account holding each role (and only it).</summary>
    private static readonly Dictionary<string, string> AccountFor = new(StringComparer.Ordinal)
    {
        [StaffRoles.Clerk] = "clerk",
        [StaffRoles.RulesAdmin] = "rulesadmin",
        [StaffRoles.Supervisor] = "supervisor",
    };

    [Fact]
    public async Task EveryStaffPageAndHandler_IsRefused_WithoutSignIn_AndToTheWrongRole()
    {
        await using var factory = new BackOfficeFactory();
        var targets = await StaffTargetsAsync(factory);
        var problems = new List<string>();

        // The enumeration must see the pages we know of, or it proves nothing.
        foreach (var known in new[] { "/Staff/Index", "/Staff/Users/Index", "/Staff/Rules/Edit", "/Staff/Intake/Index", "/Staff/Audit/Index" })
            targets.ShouldContain(t => t.Page == known, $"the endpoint data has no {known}");
        foreach (var target in targets.Where(t => !AllowedRoles.ContainsKey(t.Folder)))
            problems.Add($"{target.Page}: the folder \"{target.Folder}\" has no expected policy; add it to {nameof(AllowedRoles)}.");

        using var anonymous = factory.CreateBrowser();
        var signedIn = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (role, account) in AccountFor) signedIn[role] = await factory.SignedInAsync(account);
        try
        {
            foreach (var target in targets)
            {
                foreach (var (method, url) in target.Requests)
                {
                    var response = await SendAsync(anonymous, method, url);
                    if (response.StatusCode != HttpStatusCode.Redirect || response.Location()?.StartsWith(SignIn, StringComparison.Ordinal) != true)
                        problems.Add($"{method} {url} without sign-in answered {(int)response.StatusCode} {response.Location()} (expected a redirect to sign-in)");
                }

                if (!AllowedRoles.TryGetValue(target.Folder, out var allowed) || allowed is null) continue;
                foreach (var (role, client) in signedIn.Where(r => !allowed.Contains(r.Key)))
                {
                    foreach (var (method, url) in target.Requests)
                    {
                        var response = await SendAsync(client, method, url);
                        if (response.StatusCode != HttpStatusCode.Redirect || response.Location()?.StartsWith(AccessDenied, StringComparison.Ordinal) != true)
                            problems.Add($"{method} {url} as {role} answered {(int)response.StatusCode} {response.Location()} (expected access denied)");
                    }
                }

                // The table is not stricter than the app: each admitted role gets past authorization.
                foreach (var role in allowed)
                {
                    var (method, url) = target.Requests[0];
                    if (method != "GET" || target.HasParameters) continue;
                    var location = await LocationAfterAsync(signedIn[role], url);
                    if (location?.StartsWith(AccessDenied, StringComparison.Ordinal) == true || location?.StartsWith(SignIn, StringComparison.Ordinal) == true)
                        problems.Add($"GET {url} as {role} was refused ({location}) though the table admits {role}");
                }
            }
        }
        finally
        {
            foreach (var client in signedIn.Values) client.Dispose();
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task TheHangfireDashboard_IfPresent_IsRefusedWithoutSignIn()
    {
        await using var factory = new BackOfficeFactory();
        using var anonymous = factory.CreateBrowser();

        var response = await anonymous.GetAsync(new Uri("/hangfire", UriKind.Relative));

        // Not there yet (404) or refused; never the dashboard itself.
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        if (response.StatusCode == HttpStatusCode.Redirect) response.Location().ShouldNotBeNull().ShouldStartWith(SignIn);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (method == "POST") request.Content = new FormUrlEncodedContent([KeyValuePair.Create("probe", "1")]);
        return await client.SendAsync(request);
    }

    private static async Task<string?> LocationAfterAsync(HttpClient client, string url)
    {
        try
        {
            return (await client.GetAsync(new Uri(url, UriKind.Relative))).Location();
        }
#pragma warning disable CA1031 // a page failing after authorization still shows authorization let the role in
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>Every page and endpoint whose route starts with "Staff" (and "hangfire"), with the requests that reach each handler.</summary>
    private static async Task<List<StaffTarget>> StaffTargetsAsync(BackOfficeFactory factory)
    {
        var services = factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var targets = new List<StaffTarget>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            var isStaff = raw.Equals("Staff", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("Staff/", StringComparison.OrdinalIgnoreCase);
            var isHangfire = raw.StartsWith("hangfire", StringComparison.OrdinalIgnoreCase);
            if (!isStaff && !isHangfire) continue;

            var url = "/" + EndpointSamples.Sample(endpoint.RoutePattern);
            var hasParameters = endpoint.RoutePattern.Parameters.Count > 0;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var requests = new List<(string, string)> { ("GET", url) };
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var handlerUrl = handler.Name is null ? url : $"{url}?handler={Uri.EscapeDataString(handler.Name)}";
                    if (!requests.Contains((method, handlerUrl))) requests.Add((method, handlerUrl));
                }

                if (!requests.Exists(r => r.Item1 == "POST")) requests.Add(("POST", url)); // a page without OnPost still must refuse one
                targets.Add(new StaffTarget(page.ViewEnginePath, FolderOf(page.ViewEnginePath), hasParameters, requests));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : ["GET", "POST"];
                var segments = raw.Split('/');
                targets.Add(new StaffTarget("/" + raw, isHangfire ? "" : segments.Length > 2 ? segments[1] : "", hasParameters,
                    [.. methods.Select(m => (m.ToUpperInvariant(), url))]));
            }
        }

        return targets;
    }

    /// <summary>"/Staff/Users/Edit" → "Users"; "/Staff/Index" → "" (the staff home).</summary>
    private static string FolderOf(string viewEnginePath)
    {
        var segments = viewEnginePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 2 ? segments[1] : "";
    }

    private sealed record StaffTarget(string Page, string Folder, bool HasParameters, List<(string Method, string Url)> Requests);
}
