using System.Net;
using BackOffice.Web.Pages.Portal;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Tests.Portal;

/// <summary>Opening a link: date of birth, a one-time code by e-mail, then the download, each recorded as a disclosure.</summary>
public sealed class PortalDownloadTests : IAsyncDisposable
{
    private readonly PortalScenario _portal = new();

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task OpeningTheLink_WithAWrongDateOfBirth_FailsGenerically_AndSendsNoCode()
    {
        var (_, token) = await _portal.PublishedLinkAsync();
        using var client = _portal.Factory.CreateBrowser();

        var page = await client.GetAsync(new Uri($"/portal/{token}", UriKind.Relative));
        var wrong = await PortalScenario.EnterDateOfBirthAsync(client, token, "1980-04-16");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        html.ShouldContain(IndexModel.MismatchMessage);
        html.ShouldNotContain("1980-04-16");
        _portal.Messages().Count.ShouldBe(1);
        (await client.GetAsync(new Uri($"/portal/{token}/code", UriKind.Relative))).Location().ShouldBe($"/portal/{token}");
    }

    [Fact]
    public async Task TheRightDateOfBirthAndCode_DownloadThePackage_CompleteTheRequest_AndLogAPortalDisclosure()
    {
        var (request, token) = await _portal.PublishedLinkAsync();
        using var client = _portal.Factory.CreateBrowser();

        var dateOfBirth = await PortalScenario.EnterDateOfBirthAsync(client, token, "04/15/1980");
        dateOfBirth.Location().ShouldBe($"/portal/{token}/code");
        var codeMail = (await _portal.MailAsync(2))[^1];
        codeMail.To.ToString().ShouldBe("maria.lopez@example.org");
        PortalScenario.Body(codeMail).ShouldNotContain("Maria");
        WebUtility.HtmlDecode((await client.GetPageAsync($"/portal/{token}/code")).Html).ShouldContain("m•••@example.org");
        var code = await PortalScenario.EnterCodeAsync(client, token, PortalScenario.Code(codeMail));
        code.Location().ShouldBe($"/portal/{token}/download");
        var download = (await client.GetPageAsync($"/portal/{token}/download")).Html;
        download.ShouldContain($"records-{request.TrackingNumber}.pdf");
        download.ShouldNotContain(RequestScenarios.ClerkFileName);
        var file = await client.GetAsync(new Uri($"/portal/{token}/download?handler=File", UriKind.Relative));

        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(PortalScenario.PackageBytes);
        file.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        // Named after the tracking number, not the clerk's file (which may name the patient or a working copy).
        file.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe($"records-{request.TrackingNumber}.pdf");
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await _portal.Factory.LoadAsync(request.Id)).State.ShouldBe("Completed");
        (await _portal.DisclosuresAsync(request.Id)).ShouldHaveSingleItem().Method.ShouldBe("Portal");
        var downloaded = await _portal.Factory.QueryAsync(db => db.Journal.AsNoTracking()
            .SingleAsync(j => j.RequestId == request.Id && j.Trigger == "Downloaded"));
        downloaded.ActorId.ShouldBe(Actor.Requester("x").Id);
        (await _portal.GrantsAsync(request.Id)).ShouldHaveSingleItem().DownloadCount.ShouldBe(1);
    }

    [Fact]
    public async Task WrongCodes_AreCounted_AndTheFifthVoidsTheCode_UntilANewOneIsSent()
    {
        var (request, token) = await _portal.PublishedLinkAsync();
        using var client = _portal.Factory.CreateBrowser();
        await PortalScenario.EnterDateOfBirthAsync(client, token, "1980-04-15");
        var code = PortalScenario.Code((await _portal.MailAsync(2))[^1]);
        var wrong = code == "000000" ? "111111" : "000000";

        var first = WebUtility.HtmlDecode(await (await PortalScenario.EnterCodeAsync(client, token, wrong)).Content.ReadAsStringAsync());
        for (var i = 2; i <= 4; i++) await PortalScenario.EnterCodeAsync(client, token, wrong);
        var fifth = WebUtility.HtmlDecode(await (await PortalScenario.EnterCodeAsync(client, token, wrong)).Content.ReadAsStringAsync());
        var rightButTooLate = await PortalScenario.EnterCodeAsync(client, token, code);

        first.ShouldContain("That code is not right. You can try 4 more times.");
        fifth.ShouldContain("This code can no longer be used");
        rightButTooLate.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await rightButTooLate.Content.ReadAsStringAsync()).ShouldContain("This code can no longer be used");
        (await client.GetAsync(new Uri($"/portal/{token}/download", UriKind.Relative))).Location().ShouldBe($"/portal/{token}");
        (await _portal.GrantsAsync(request.Id)).Single().CodeAttempts.ShouldBe(5);

        var resent = await client.PostFormAsync($"/portal/{token}/code", new Dictionary<string, string>(), $"/portal/{token}/code?handler=Resend");
        (await resent.Content.ReadAsStringAsync()).ShouldContain("We sent a new code.");
        var newCode = PortalScenario.Code((await _portal.MailAsync(3))[^1]);
        (await PortalScenario.EnterCodeAsync(client, token, newCode)).Location().ShouldBe($"/portal/{token}/download");
    }

    [Fact]
    public async Task ACode_StopsWorkingAfterTenMinutes()
    {
        var (_, token) = await _portal.PublishedLinkAsync();
        using var client = _portal.Factory.CreateBrowser();
        await PortalScenario.EnterDateOfBirthAsync(client, token, "1980-04-15");
        var code = PortalScenario.Code((await _portal.MailAsync(2))[^1]);
        var antiforgery = StaffClient.AntiforgeryToken((await client.GetPageAsync($"/portal/{token}/code")).Html);
        _portal.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var late = await client.PostAsync(new Uri($"/portal/{token}/code", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Code"] = code, ["__RequestVerificationToken"] = antiforgery }));

        late.Location().ShouldBe($"/portal/{token}");
        (await client.GetAsync(new Uri($"/portal/{token}/download", UriKind.Relative))).Location().ShouldBe($"/portal/{token}");
    }

    [Fact]
    public async Task ASecondDownload_WhileTheLinkIsOpen_IsAlsoRecordedAsADisclosure()
    {
        var (request, token) = await _portal.PublishedLinkAsync();
        using var client = await _portal.VerifiedBrowserAsync(token);

        (await client.GetAsync(new Uri($"/portal/{token}/download?handler=File", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        _portal.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await client.GetAsync(new Uri($"/portal/{token}/download?handler=File", UriKind.Relative));

        (await second.Content.ReadAsByteArrayAsync()).ShouldBe(PortalScenario.PackageBytes);
        var disclosures = await _portal.DisclosuresAsync(request.Id);
        disclosures.Count.ShouldBe(2);
        disclosures.ShouldAllBe(d => d.Method == "Portal");
        disclosures.Select(d => d.DisclosedAt).Distinct().Count().ShouldBe(2);
        (await _portal.GrantsAsync(request.Id)).Single().DownloadCount.ShouldBe(2);
        (await _portal.Factory.LoadAsync(request.Id)).State.ShouldBe("Completed");
    }

    [Fact]
    public async Task AnExpiredLink_IsRefused_AndSendsNoCode()
    {
        var (_, token) = await _portal.PublishedLinkAsync();
        _portal.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        using var client = _portal.Factory.CreateBrowser();

        var page = await client.GetAsync(new Uri($"/portal/{token}", UriKind.Relative));

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("This link does not work");
        html.ShouldNotContain("name=\"DateOfBirth\"");
        _portal.Messages().Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnUnknownLink_GetsTheSameAnswerAsAnExpiredOne()
    {
        await _portal.PublishedLinkAsync();
        using var client = _portal.Factory.CreateBrowser();

        var page = await client.GetAsync(new Uri($"/portal/{new string('A', 43)}", UriKind.Relative));

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("This link does not work");
    }

    [Fact]
    public async Task WrongDatesOfBirth_AreLimitedPerLink_ThenRefusedWithAClearMessage()
    {
        var (_, token) = await _portal.PublishedLinkAsync();
        using var client = _portal.Factory.CreateBrowser();
        for (var day = 1; day <= 5; day++)
        {
            (await PortalScenario.EnterDateOfBirthAsync(client, token, $"1980-04-{day:00}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await PortalScenario.EnterDateOfBirthAsync(client, token, "1980-04-15");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Too many attempts");
        _portal.Messages().Count.ShouldBe(1);
    }
}
