using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.Pages.Staff.Messages;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.EmailTransport;

/// <summary>One app (no SMTP configured, so mail is written to .eml files) for the Sent messages page tests.</summary>
public sealed class SentMessagesApp : IAsyncLifetime
{
    public BackOfficeFactory Factory { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}

/// <summary>The staff page listing the .eml files the app wrote: newest first, paged, one message shown safely, names
/// from the URL never reaching another file, only Clerk and Supervisor admitted, every view audited.</summary>
public sealed partial class SentMessagesPageTests(SentMessagesApp app) : IClassFixture<SentMessagesApp>
{
    private const string Page = "/Staff/Messages";

    [Fact]
    public async Task TheList_ShowsNewestFirst_AndOneMessage_WithItsHtmlInASandboxedFrame()
    {
        var first = $"First {Guid.NewGuid():N}";
        var second = $"Second {Guid.NewGuid():N}";
        await SendAsync(new OutgoingEmail("one@example.org", first, "Plain words <b>not bold</b>"));
        await Task.Delay(5);
        await SendAsync(new OutgoingEmail("two@example.org", second, "Plain words", "<p style=\"color: red\">Styled</p><script>alert(1)</script>"));
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var (status, list) = await clerk.GetPageAsync(Page);

        status.ShouldBe(HttpStatusCode.OK);
        list.IndexOf(second, StringComparison.Ordinal).ShouldBeGreaterThan(-1);
        list.IndexOf(second, StringComparison.Ordinal).ShouldBeLessThan(list.IndexOf(first, StringComparison.Ordinal));
        list.ShouldContain("two@example.org");

        var plain = NameOf(list, first);
        var (plainStatus, plainView) = await clerk.GetPageAsync($"{Page}?name={plain}");
        plainStatus.ShouldBe(HttpStatusCode.OK);
        plainView.ShouldContain("Plain words &lt;b&gt;not bold&lt;/b&gt;");
        plainView.ShouldNotContain("<iframe");

        var styled = NameOf(list, second);
        var (_, view) = await clerk.GetPageAsync($"{Page}?name={styled}");
        view.ShouldContain(second);
        view.ShouldContain("<iframe id=\"message-html\"");
        view.ShouldContain("sandbox=\"\"");
        var frame = Regex.Match(view, "<iframe id=\"message-html\"[^>]* src=\"([^\"]+)\"");
        frame.Success.ShouldBeTrue("the HTML part has no frame");
        var source = WebUtility.HtmlDecode(frame.Groups[1].Value);
        source.ShouldContain("handler=Html");
        source.ShouldContain("name=" + styled);

        var html = await clerk.GetAsync(new Uri(source, UriKind.Relative));
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var policy = html.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("default-src 'none'");
        policy.ShouldContain("frame-ancestors 'self'");
        policy.ShouldContain("sandbox");
        policy.ShouldNotContain("script-src");
        html.Headers.GetValues("X-Frame-Options").Single().ShouldBe("SAMEORIGIN");
        html.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        (await html.Content.ReadAsStringAsync()).ShouldContain("<p style=\"color: red\">Styled</p>");
    }

    [Theory]
    [InlineData("../backoffice.db")]
    [InlineData("..%2Fbackoffice.db")]
    [InlineData("..%5Cbackoffice.db")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("20260302T150000000-0123456789abcdef0123456789abcdef.eml")]
    public async Task ANameTheAppDidNotWrite_IsNotFound(string name)
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");

        (await clerk.GetAsync(new Uri($"{Page}?name={name}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clerk.GetAsync(new Uri($"{Page}?handler=Html&name={name}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ThePage_IsForClerksAndSupervisors_AndLinkedFromTheirHome()
    {
        using var anonymous = app.Factory.CreateBrowser();
        using var rulesAdmin = await app.Factory.SignedInAsync("rulesadmin");
        using var supervisor = await app.Factory.SignedInAsync("supervisor");
        using var clerk = await app.Factory.SignedInAsync("clerk");

        (await anonymous.GetAsync(new Uri(Page, UriKind.Relative))).Location().ShouldNotBeNull().ShouldStartWith("http://localhost/Account/SignIn");
        (await rulesAdmin.GetAsync(new Uri(Page, UriKind.Relative))).Location().ShouldNotBeNull().ShouldStartWith("http://localhost/Account/AccessDenied");
        (await supervisor.GetPageAsync(Page)).Status.ShouldBe(HttpStatusCode.OK);
        (await clerk.GetPageAsync("/Staff")).Html.ShouldContain("href=\"/Staff/Messages\"");
        (await rulesAdmin.GetPageAsync("/Staff")).Html.ShouldNotContain("href=\"/Staff/Messages\"");
    }

    [Fact]
    public async Task EveryView_IsAudited()
    {
        var subject = $"Audited {Guid.NewGuid():N}";
        await SendAsync(new OutgoingEmail("three@example.org", subject, "x", "<p>x</p>"));
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var name = NameOf((await clerk.GetPageAsync(Page)).Html, subject);

        await clerk.GetPageAsync($"{Page}?name={name}");
        await clerk.GetPageAsync($"{Page}?handler=Html&name={name}");
        await clerk.GetPageAsync($"{Page}?name=../backoffice.db");

        var audit = await app.Factory.QueryAsync(db => db.Audit.AsNoTracking()
            .Where(a => a.UserName == "clerk" && (a.Action == IndexModel.ListAction || a.Action == IndexModel.ViewAction)).ToListAsync());
        audit.ShouldContain(a => a.Action == IndexModel.ListAction);
        audit.ShouldContain(a => a.Action == IndexModel.ViewAction && a.Subject == name && a.Outcome == $"to three@example.org: {subject}");
        audit.ShouldContain(a => a.Action == IndexModel.ViewAction && a.Subject == name && a.Outcome == "HTML part");
        audit.ShouldContain(a => a.Action == IndexModel.ViewAction && a.Subject == "../backoffice.db" && a.Outcome == "not found");
    }

    [Fact]
    public async Task TheList_IsPaged()
    {
        var folder = Path.Combine(RequestScenarios.DataDirectoryOf(app.Factory), "mail");
        while (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.eml").Length <= IndexModel.PageSize)
            await SendAsync(new OutgoingEmail("many@example.org", "One of many", "x"));
        var total = Directory.GetFiles(folder, "*.eml").Length;
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var (_, first) = await clerk.GetPageAsync(Page);
        var (_, second) = await clerk.GetPageAsync($"{Page}?pageNumber=2");

        MessageLink().Count(first).ShouldBe(IndexModel.PageSize);
        first.ShouldContain("href=\"/Staff/Messages?pageNumber=2\">Older</a>");
        MessageLink().Count(second).ShouldBe(total - IndexModel.PageSize);
        second.ShouldContain(">Newer</a>");
    }

    [Fact]
    public async Task WithSmtpConfigured_ThePageSaysNoCopiesAreKept()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:Smtp:Host"] = "smtp.dmg.example.org" });
        using var clerk = await factory.SignedInAsync("clerk");

        var (status, html) = await clerk.GetPageAsync(Page);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Messages go out by SMTP through <strong>smtp.dmg.example.org</strong>; no copies are kept here.");
        (await clerk.GetAsync(new Uri($"{Page}?handler=Html&name=20260302T150000000-0123456789abcdef0123456789abcdef.eml", UriKind.Relative)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task SendAsync(OutgoingEmail email) => app.Factory.Services.GetRequiredService<IEmailSender>().SendAsync(email);

    /// <summary>The file name the list links for the message with this subject.</summary>
    private static string NameOf(string listHtml, string subject)
    {
        var match = Regex.Match(listHtml, "href=\"/Staff/Messages\\?name=([^\"]+)\">" + Regex.Escape(subject) + "</a>");
        match.Success.ShouldBeTrue($"the list has no link for \"{subject}\"");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("href=\"/Staff/Messages\\?name=[^\"]+\"")]
    private static partial Regex MessageLink();
}
