using System.Net;
using BackOffice.Web.Identity;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Identity;

/// <summary>Sessions live on the server: a copied cookie is worth nothing once the session is ended.</summary>
public sealed class StaffSessionTests
{
    [Fact]
    public async Task ACopiedCookie_ReplayedAfterSignOut_IsRefused()
    {
        await using var factory = new BackOfficeFactory();
        using var browser = factory.CreateBrowser();
        var signedIn = await browser.SignInAsync("clerk");
        var cookie = StaffCookie(signedIn);
        using var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        (await GetWithAsync(copy, cookie, "/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK); // the copy works while the session is open
        (await browser.PostFormAsync("/Staff", [], action: "/Account/SignOut")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var replayed = await GetWithAsync(copy, cookie, "/Staff");

        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Location().ShouldNotBeNull().ShouldContain("/Account/SignIn");
        (await SessionCountAsync(factory, "clerk")).ShouldBe(0);
    }

    [Fact]
    public async Task TheCookie_HoldsASessionKey_NotTheSignedInIdentity()
    {
        await using var factory = new BackOfficeFactory();
        using var browser = factory.CreateBrowser();

        var cookie = StaffCookie(await browser.SignInAsync("clerk"));

        (await SessionCountAsync(factory, "clerk")).ShouldBe(1);
        cookie.Length.ShouldBeLessThan(600); // a protected key; a whole ticket with roles and claims is well over a kilobyte
    }

    [Fact]
    public async Task ChangingRoles_EndsThatPersonsSessions_AtOnce()
    {
        await using var factory = new BackOfficeFactory();
        using var clerk = await factory.SignedInAsync("clerk");
        using var supervisor = await factory.SignedInAsync("supervisor");
        var account = (await factory.FindStaffUserAsync("clerk"))!;
        var edit = $"/Staff/Users/Edit/{account.Id}";
        var page = (await supervisor.GetPageAsync(edit)).Html;
        var stamp = System.Text.RegularExpressions.Regex.Match(page, "name=\"Input.ConcurrencyStamp\" value=\"([^\"]+)\"").Groups[1].Value;

        var saved = await supervisor.PostFormAsync(edit,
        [
            KeyValuePair.Create("Input.DisplayName", "Demo Clerk"), KeyValuePair.Create("Input.Roles", StaffRoles.Clerk),
            KeyValuePair.Create("Input.Roles", StaffRoles.RulesAdmin), KeyValuePair.Create("Input.ConcurrencyStamp", stamp),
        ], action: edit + "?handler=Save");

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.RolesOfAsync("clerk")).ShouldContain(StaffRoles.RulesAdmin);
        var after = await clerk.GetAsync(new Uri("/Staff", UriKind.Relative));
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Location().ShouldNotBeNull().ShouldContain("/Account/SignIn");
        (await supervisor.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResettingAPassword_EndsThatPersonsSessions_AtOnce()
    {
        await using var factory = new BackOfficeFactory();
        using var clerk = await factory.SignedInAsync("clerk");
        using var supervisor = await factory.SignedInAsync("supervisor");
        var edit = $"/Staff/Users/Edit/{(await factory.FindStaffUserAsync("clerk"))!.Id}";

        var reset = await supervisor.PostFormAsync(edit, 
            [KeyValuePair.Create("Reset.NewPassword", "Another-Passw0rd-2026"), KeyValuePair.Create("Reset.ConfirmPassword", "Another-Passw0rd-2026")],
            action: edit + "?handler=ResetPassword");

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await clerk.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var again = await factory.SignedInAsync("clerk", "Another-Passw0rd-2026");
        (await again.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithHttpsRequired_TheStaffAndAntiforgeryCookies_AreSecure()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Http:RequireHttps"] = "true", ["BackOffice:Site:PublicBaseUrl"] = "https://records.example.org",
        });
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = new Uri("https://records.example.org"),
        });

        var page = await browser.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        var signedIn = await browser.SignInAsync("clerk");

        page.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        signedIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("BackOffice.Staff=", StringComparison.Ordinal))
            .ShouldHaveSingleItem().ShouldContain("secure", Case.Insensitive);
    }

    private static string StaffCookie(HttpResponseMessage signedIn)
    {
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var header = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("BackOffice.Staff=", StringComparison.Ordinal));
        return header[..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpResponseMessage> GetWithAsync(HttpClient client, string cookie, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<int> SessionCountAsync(BackOfficeFactory factory, string userName)
    {
        var user = (await factory.FindStaffUserAsync(userName))!;
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>().Sessions.CountAsync(s => s.UserId == user.Id);
    }
}
