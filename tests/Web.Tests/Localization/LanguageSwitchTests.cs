using System.Net;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Localization;

/// <summary>The language of the public pages: chosen with the switch (a cookie) or by the browser; staff pages stay English.</summary>
public sealed class LanguageSwitchTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    [Fact]
    public async Task Switch_SetsTheCultureCookieForTheWholeSite_AndReturnsToThePage()
    {
        using var client = app.Factory.CreateBrowser();

        var response = await client.GetAsync(new Uri("/language/es?returnUrl=%2Ffees%3Fx%3D1", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/fees?x=1");
        var cookie = Languages.SetCookie(response, ".AspNetCore.Culture").ShouldNotBeNull();
        cookie.ShouldContain("uic%3Des");
        cookie.ShouldContain("path=/;", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        response.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
    }

    // The public pages a stranger reaches without a form under way (the wizard's later steps, the portal's and the status
    // page's own pages are walked in both languages by PublicAccessibilityBrowserTests); an unknown portal link is the
    // error page, which has the switch too. The API reference is for requester organisations' developers and stays
    // English, as the staff screens do.
    public static TheoryData<string> PublicPages => new()
    {
        "/", "/fees", "/status", "/request", "/portal/" + new string('x', 43), "/no-such-page",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Switch_ThenThePublicPage_IsInTheChosenLanguage_WithTheSwitchBackToThatPage(string page)
    {
        using var form = new RequestForm(app.Factory);
        var escaped = Uri.EscapeDataString(page);

        (await form.Client.GetAsync(new Uri($"/language/es?returnUrl={escaped}", UriKind.Relative))).Location().ShouldBe(page);
        var (_, spanish) = await form.Client.GetPageAsync(page);
        (await form.Client.GetAsync(new Uri($"/language/en?returnUrl={escaped}", UriKind.Relative))).Location().ShouldBe(page);
        var (_, english) = await form.Client.GetPageAsync(page);

        Languages.HtmlLang(spanish).ShouldBe("es", page);
        spanish.ShouldContain($"href=\"/language/en?returnUrl={escaped}\"", Case.Sensitive, $"{page}: the switch back to English, to the same page");
        Languages.HtmlLang(english).ShouldBe("en", page);
        english.ShouldContain($"href=\"/language/es?returnUrl={escaped}\"", Case.Sensitive, $"{page}: the switch to Spanish, to the same page");
    }

    [Fact]
    public async Task Switch_ThenTheLandingPage_IsInTheChosenLanguage_AndBackAgain()
    {
        using var form = new RequestForm(app.Factory);

        (await form.Client.GetAsync(new Uri("/language/es?returnUrl=%2F", UriKind.Relative))).Location().ShouldBe("/");
        var (_, spanish) = await form.Client.GetPageAsync("/");
        (await form.Client.GetAsync(new Uri("/language/en?returnUrl=%2F", UriKind.Relative))).Location().ShouldBe("/");
        var (_, english) = await form.Client.GetPageAsync("/");

        spanish.ShouldContain("Cómo hacer una solicitud");
        english.ShouldContain("Ways to ask");
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2F%2Fevil.example%2F")]
    [InlineData("%2F%5Cevil.example%2F")]
    [InlineData("evil.example")]
    [InlineData("%2Fstatus%0D%0ASet-Cookie%3A%20x%3Dy")]
    public async Task Switch_ReturnsOnlyToThisSite(string returnUrl)
    {
        using var client = app.Factory.CreateBrowser();

        var response = await client.GetAsync(new Uri("/language/es?returnUrl=" + returnUrl, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/");
    }

    [Fact]
    public async Task Switch_RefusesALanguageTheSiteIsNotWrittenIn()
    {
        using var client = app.Factory.CreateBrowser();

        var response = await client.GetAsync(new Uri("/language/fr?returnUrl=%2F", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Languages.SetCookie(response, ".AspNetCore.Culture").ShouldBeNull();
    }

    [Fact]
    public async Task PublicPage_OffersBothLanguages_EachInItsOwnLanguage_LinkingBackToThePage()
    {
        using var client = app.Factory.CreateBrowser();

        var (_, html) = await client.GetPageAsync("/fees");

        html.ShouldContain("<span lang=\"en\" aria-current=\"true\">English</span>");
        html.ShouldContain("<a href=\"/language/es?returnUrl=%2Ffees\" lang=\"es\" hreflang=\"es\">Español</a>");
    }

    [Fact]
    public async Task Page_FollowsTheBrowsersLanguage_WhenNoneWasChosen()
    {
        using var client = app.Factory.CreateBrowser();

        var (_, html) = await client.GetWithAcceptLanguageAsync("/", "es-MX,es;q=0.9,en;q=0.5");
        var (_, french) = await client.GetWithAcceptLanguageAsync("/", "fr-FR");

        Languages.HtmlLang(html).ShouldBe("es");
        html.ShouldContain("<span lang=\"es\" aria-current=\"true\">Español</span>");
        Languages.HtmlLang(french).ShouldBe("en");
    }

    [Fact]
    public async Task ChosenLanguage_WinsOverTheBrowsersLanguage()
    {
        using var client = app.Factory.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den");
        request.Headers.AcceptLanguage.ParseAdd("es");

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Languages.HtmlLang(html).ShouldBe("en");
    }

    [Fact]
    public async Task SwitchingLanguage_KeepsTheOnlineRequestsAnswers()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/release");

        var switched = await form.Client.GetAsync(new Uri("/language/es?returnUrl=%2Frequest%2Finformation", UriKind.Relative));
        switched.Location().ShouldBe("/request/information");
        var (status, next) = await form.Client.GetPageAsync("/request/information");
        var (_, patient) = await form.Client.GetPageAsync("/request/patient");

        // Still at the step reached (an empty wizard would be sent back to its start), with the answers given before.
        status.ShouldBe(HttpStatusCode.OK);
        Languages.HtmlLang(next).ShouldBe("es");
        patient.ShouldContain($"value=\"{form.Answers.LastName}\"");
        patient.ShouldContain("value=\"12 Elm Street\"");
    }

    [Fact]
    public async Task StaffPages_StayEnglish_WithoutTheSwitch_WhateverTheVisitorChose()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        using var visitor = app.Factory.CreateBrowser();
        foreach (var client in new[] { clerk, visitor })
            (await client.GetAsync(new Uri("/language/es?returnUrl=%2F", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var (client, path) in new[] { (visitor, "/Account/SignIn"), (clerk, "/Staff"), (clerk, "/Staff/Requests") })
        {
            var (status, html) = await client.GetWithAcceptLanguageAsync(path, "es");

            status.ShouldBe(HttpStatusCode.OK, path);
            Languages.HtmlLang(html).ShouldBe("en", path);
            html.ShouldNotContain("language-switch", customMessage: path);
            html.ShouldContain("Medical records requests", customMessage: path);
        }

        Languages.HtmlLang((await visitor.GetPageAsync("/")).Html).ShouldBe("es");
        // A clerk reading a public page in Spanish sees the sign-in status in Spanish too, and English again on staff pages.
        var (_, publicPage) = await clerk.GetPageAsync("/");
        publicPage.ShouldContain("Sesión iniciada como");
        publicPage.ShouldContain(">Cerrar sesión</button>");
        (await clerk.GetPageAsync("/Staff")).Html.ShouldContain(">Sign out</button>");
    }
}
