using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Identity;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.StaffHome;

/// <summary>
/// The staff home links to exactly the screens the signed-in person may open: for each role, every staff screen
/// (each folder's Index page, enumerated from the app's endpoints, and the jobs dashboard) is opened, and the screens
/// that answer are the ones linked.
/// </summary>
public sealed partial class StaffHomeTests : IAsyncDisposable
{
    private const string NoRoleUser = "newstarter";
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    /// <summary>Signed in as a demo account, or as an account without any role (made here).</summary>
    private async Task<HttpClient> SignedInAsync(string userName)
    {
        if (userName == NoRoleUser) await CreateAccountWithoutRoleAsync();
        return await _factory.SignedInAsync(userName);
    }

    private async Task CreateAccountWithoutRoleAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var created = await users.CreateAsync(new StaffUser { UserName = NoRoleUser, DisplayName = "New Starter" }, BackOfficeFactory.DemoPassword);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("rulesadmin")]
    [InlineData("supervisor")]
    [InlineData(NoRoleUser)]
    public async Task Home_LinksToEveryScreenThePersonMayOpen_AndNoOther(string userName)
    {
        using var client = await SignedInAsync(userName);
        var screens = ScreenAddresses();
        screens.ShouldContain("/Staff/Rules");
        screens.ShouldContain("/Staff/Requests");
        screens.ShouldContain("/hangfire");

        var (status, html) = await client.GetPageAsync("/Staff");
        status.ShouldBe(HttpStatusCode.OK);
        var linked = LinksOf(html);
        var mayOpen = new List<string>();
        foreach (var screen in screens)
        {
            var response = await client.GetAsync(new Uri(screen, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK) mayOpen.Add(screen);
            else response.Location().ShouldNotBeNull($"{screen} as {userName} answered {(int)response.StatusCode}").ShouldContain("/Account/AccessDenied");
        }

        linked.Order(StringComparer.Ordinal).ShouldBe(mayOpen.Order(StringComparer.Ordinal), $"as {userName}");
    }

    [Theory]
    [InlineData("rulesadmin")]
    [InlineData("supervisor")]
    public async Task Home_LinksToTheRulesWorkbench_ForRulesAdminsAndSupervisors(string userName)
    {
        using var client = await SignedInAsync(userName);

        LinksOf((await client.GetPageAsync("/Staff")).Html).ShouldContain("/Staff/Rules");
    }

    [Fact]
    public async Task Home_ForSomeoneWithoutARole_ListsOnlyTheLifecycle_AndSaysWhoGivesRoles()
    {
        using var client = await SignedInAsync(NoRoleUser);

        var html = (await client.GetPageAsync("/Staff")).Html;

        LinksOf(html).ShouldBe(["/Staff/Lifecycle"]);
        html.ShouldContain("no role yet");
        html.ShouldContain("Ask a supervisor to give your account a role");
    }

    /// <summary>Each staff folder's start page (no route values) and the jobs dashboard.</summary>
    private List<string> ScreenAddresses()
    {
        var pages = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(p => p.Page is { } page && page.ViewEnginePath.StartsWith("/Staff/", StringComparison.Ordinal)
                && page.ViewEnginePath.EndsWith("/Index", StringComparison.Ordinal) && page.ViewEnginePath != "/Staff/Index"
                && p.Endpoint.RoutePattern.Parameters.Count == 0)
            .Select(p => p.Page!.ViewEnginePath[..^"/Index".Length])
            .Distinct()
            .ToList();
        pages.Add("/hangfire");
        return pages;
    }

    private static List<string> LinksOf(string html)
    {
        var list = ScreenList().Match(html);
        list.Success.ShouldBeTrue("the home has no list of screens");
        return [.. Href().Matches(list.Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<ul class=\"staff-screens\">.*?</ul>", RegexOptions.Singleline)]
    private static partial Regex ScreenList();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
