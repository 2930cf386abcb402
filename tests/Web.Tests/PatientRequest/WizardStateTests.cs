using System.Net;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.PatientRequest;

/// <summary>Where the answers are kept between steps: a protected cookie, forgotten after two idle hours.</summary>
public sealed class WizardStateTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    [Fact]
    public async Task Answers_AreKeptInAnHttpOnlyCookieForTheRequestPages_ThatDoesNotShowThem()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request");

        var response = await form.PostAsync("/request/patient", form.Answers.Patient);

        var cookie = response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("BackOffice.Request=", StringComparison.Ordinal)).ShouldHaveSingleItem();
        cookie.ShouldContain("path=/request", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        cookie.ShouldNotContain(form.Answers.LastName);
        cookie.ShouldNotContain("1980-03-31");
        var page = await form.Client.GetAsync(new Uri("/request/release", UriKind.Relative));
        page.Headers.CacheControl.ShouldNotBeNull().NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task ChangedCookie_IsNotTrusted()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/patient");
        var stored = form.Cookies.Container.GetCookies(new Uri("http://localhost/request"))["BackOffice.Request"].ShouldNotBeNull();

        stored.Value = stored.Value[..^4] + (stored.Value.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        (await form.Client.GetAsync(new Uri("/request/release", UriKind.Relative))).Location().ShouldBe("/request");
    }

    [Fact]
    public async Task Answers_AreForgotten_AfterTwoIdleHours()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = RequestFactory.Create(time);
        using var form = new RequestForm(factory);
        await form.CompleteThroughAsync("/request/patient");
        var (_, page) = await form.Client.GetPageAsync("/request/release");
        (await form.Client.GetAsync(new Uri("/request/release", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var late = await form.Client.PostAsync(new Uri("/request/release", UriKind.Relative),
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", StaffClient.AntiforgeryToken(page))]));

        late.Location().ShouldBe("/request?expired=true");
        var (_, start) = await form.Client.GetPageAsync("/request?expired=true");
        start.ShouldContain("We could not find your earlier answers.");
        start.ShouldNotContain(form.Answers.LastName);
    }
}
