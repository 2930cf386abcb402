using System.Net;
using BackOffice.Web.Pages.Account;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Identity;

public sealed class SignInTests
{
    [Theory]
    [InlineData("clerk", "Demo Clerk")]
    [InlineData("reviewer", "Demo Reviewer")]
    [InlineData("rulesadmin", "Demo Rules Admin")]
    [InlineData("supervisor", "Demo Supervisor")]
    public async Task SignIn_Succeeds_ForEachDemoAccount_AndLandsOnStaffHome(string userName, string displayName)
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var response = await client.SignInAsync(userName);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/Staff");
        var (status, html) = await client.GetPageAsync("/Staff");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Staff home");
        html.ShouldContain($"Signed in as <a href=\"/Staff\">{displayName}</a>");
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsAMessage_AndDoesNotSignIn()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var response = await client.SignInAsync("clerk", "Wrong-Passw0rd-Entirely");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(WebUtility.HtmlEncode(SignInModel.FailedMessage));
        html.ShouldContain("class=\"error-summary\"");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("BackOffice.Staff=", StringComparison.Ordinal));
        (await client.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_WithEmptyFields_ShowsAMessageNextToEachField()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var response = await client.SignInAsync("", "");

        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "Input_UserName").ShouldBe("Enter your user name.");
        StaffClient.FieldError(html, "Input_Password").ShouldBe("Enter your password.");
        html.ShouldContain("<a href=\"#Input_UserName\">Enter your user name.</a>");
    }

    [Fact]
    public async Task FailuresFromOneAddress_AreThrottled_WithRetryAfter_AndLockNobodyOut()
    {
        await using var factory = new BackOfficeFactory();
        using var guesser = TestClientAddress.BrowserFrom(factory, "198.51.100.7");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var html = await (await guesser.SignInAsync("reviewer", $"Wrong-Passw0rd-{attempt}")).Content.ReadAsStringAsync();
            html.ShouldContain(WebUtility.HtmlEncode(SignInModel.FailedMessage), customMessage: $"attempt {attempt}");
        }

        var sixth = await guesser.SignInAsync("reviewer");

        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(sixth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 15 * 60);
        (await sixth.Content.ReadAsStringAsync()).ShouldContain("Too many failed sign-ins from this network.");
        // The account itself is not locked: its owner, elsewhere, signs in.
        using var owner = TestClientAddress.BrowserFrom(factory, "203.0.113.20");
        (await owner.SignInAsync("reviewer")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.FindStaffUserAsync("reviewer"))!.LockoutEnd.ShouldBeNull();
    }

    [Fact]
    public async Task FailuresFromSeveralAddresses_LockTheAccount_WithTheSameMessageAsAWrongPassword()
    {
        await using var factory = new BackOfficeFactory();
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            using var guesser = TestClientAddress.BrowserFrom(factory, $"198.51.100.{attempt % 3 + 1}");
            await guesser.SignInAsync("clerk", $"Wrong-Passw0rd-{attempt}");
        }

        using var owner = TestClientAddress.BrowserFrom(factory, "203.0.113.20");
        var refused = await owner.SignInAsync("clerk");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(WebUtility.HtmlEncode(SignInModel.FailedMessage));
        (await factory.FindStaffUserAsync("clerk"))!.LockoutEnd.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(14));
        factory.LogMessages.ShouldContain(m => m.Contains("account now locked", StringComparison.Ordinal));
        (await owner.SignInAsync("reviewer")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("nobody-by-this-name")]
    [InlineData("clerk")]
    public async Task AnUnknownUser_AndAWrongPassword_GetTheSameAnswer(string userName)
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var response = await client.SignInAsync(userName, "Wrong-Passw0rd-Entirely");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        StaffClient.ErrorSummary(html).ShouldBe([SignInModel.FailedMessage]);
    }

    [Fact]
    public async Task SignIn_IsLogged_OnSuccessAndFailure()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        await client.SignInAsync("clerk", "Wrong-Passw0rd-Entirely");
        await client.SignInAsync("clerk");

        factory.LogMessages.ShouldContain(m => m.Contains("Staff sign-in failed for clerk", StringComparison.Ordinal));
        factory.LogMessages.ShouldContain(m => m.Contains("Staff sign-in succeeded for clerk", StringComparison.Ordinal));
        factory.LogMessages.ShouldNotContain(m => m.Contains("Wrong-Passw0rd-Entirely", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/Staff")]
    [InlineData("/Staff/Users")]
    [InlineData("/Staff/Users/Create")]
    public async Task StaffPages_RedirectAnonymousVisitors_ToSignIn(string path)
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"http://localhost/Account/SignIn?ReturnUrl={Uri.EscapeDataString(path)}");
    }

    [Fact]
    public async Task SignIn_ReturnsToThePageThatAskedForIt_ButNeverToAnotherSite()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();
        using var other = factory.CreateBrowser();

        var back = await client.SignInAsync("supervisor", returnUrl: "/Staff/Users");
        var away = await other.SignInAsync("supervisor", returnUrl: "https://evil.example/phish");

        back.Location().ShouldBe("/Staff/Users");
        away.Location().ShouldBe("/Staff");
    }

    [Fact]
    public async Task PublicPages_StayAnonymous_AndOfferStaffSignIn()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var (status, html) = await client.GetPageAsync("/");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<a class=\"staff-sign-in\" href=\"/Account/SignIn\">Staff sign in</a>");
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndTheHeaderOffersSignInAgain()
    {
        await using var factory = new BackOfficeFactory();
        using var client = await factory.SignedInAsync("clerk");
        (await client.GetPageAsync("/")).Html.ShouldContain("Signed in as");

        var response = await client.PostFormAsync("/Staff", [], action: "/Account/SignOut");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = (await client.GetPageAsync("/")).Html;
        home.ShouldContain("Staff sign in");
        home.ShouldNotContain("Signed in as");
    }

    [Fact]
    public async Task SignOut_NeedsAPostWithTheAntiforgeryToken()
    {
        await using var factory = new BackOfficeFactory();
        using var client = await factory.SignedInAsync("clerk");

        var get = await client.GetAsync(new Uri("/Account/SignOut", UriKind.Relative));
        var forged = await client.PostAsync(new Uri("/Account/SignOut", UriKind.Relative), new FormUrlEncodedContent([]));

        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/Account/Register")]
    [InlineData("/Identity/Account/Register")]
    public async Task SelfRegistration_DoesNotExist(string path)
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
