using System.Net;
using BackOffice.Web.Tests.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Tests.PostalMailing;

/// <summary>The mailing page as a clerk uses it: today's list, the one button, and the audited download.</summary>
public sealed class MailingPageTests : IAsyncDisposable
{
    private const string Page = "/Staff/Mailing";
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static Task<HttpResponseMessage> PostCreateAsync(HttpClient client) =>
        client.PostFormAsync(Page, [], Page + "?handler=Create");

    [Fact]
    public async Task CreateTodaysBatch_MarksTheRequestMailed_ListsTheBatch_AndTheDownloadIsAudited()
    {
        var request = await _factory.StartAsync(DocumentScenarios.ProviderDraft());
        (await _factory.ThroughReviewAsync(request.Id, paperPages: 8)).ShouldBe("ReadyForRelease");
        using var clerk = await _factory.SignedInAsync("clerk");

        var (_, before) = await clerk.GetPageAsync(Page);
        WebUtility.HtmlDecode(before).ShouldContain(request.TrackingNumber);
        before.ShouldContain("Create today's mailing batch");

        var created = await PostCreateAsync(clerk);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Location().ShouldBe(Page);
        var (_, after) = await clerk.GetPageAsync(Page);
        after.ShouldContain("1 request marked mailed");
        after.ShouldContain("No request is ready to go by mail.");
        (await _factory.LoadAsync(request.Id)).State.ShouldBe("Completed");

        var link = System.Text.RegularExpressions.Regex.Match(after, "href=\"(/Staff/Mailing\\?batch=[0-9a-f-]+&amp;handler=Download)\"");
        link.Success.ShouldBeTrue("the page links no batch download");
        var download = await clerk.GetAsync(new Uri(WebUtility.HtmlDecode(link.Groups[1].Value), UriKind.Relative));

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();
        DocumentScenarios.TextOf(await download.Content.ReadAsByteArrayAsync()).ShouldContain(request.TrackingNumber);
        var audit = await _factory.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.RequestId == request.Id).ToListAsync());
        audit.ShouldContain(a => a.Action == "Action:Mail" && a.UserName == "clerk" && a.Outcome == "done (mailing batch)");
        audit.ShouldContain(a => a.Action == "DownloadMailingBatch" && a.UserName == "clerk" && a.Outcome == "done");
    }

    [Fact]
    public async Task CreateTwice_TheSecondMailsNobody()
    {
        var request = await _factory.StartAsync(DocumentScenarios.ProviderDraft());
        await _factory.ThroughReviewAsync(request.Id, paperPages: 8);
        using var clerk = await _factory.SignedInAsync("clerk");

        (await PostCreateAsync(clerk)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostCreateAsync(clerk)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, html) = await clerk.GetPageAsync(Page);
        html.ShouldContain("Nothing was mailed: no request is ready to go by mail.");
        Directory.GetFiles(Path.Combine(_factory.DataDirectory, "mailing"), "*.pdf").ShouldHaveSingleItem();
        (await _factory.QueryAsync(db => db.Disclosures.CountAsync(d => d.RequestId == request.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Download_WhenThePdfIsMissing_PrintsTheSameRequestsAgain()
    {
        var request = await _factory.StartAsync(DocumentScenarios.ProviderDraft());
        await _factory.ThroughReviewAsync(request.Id, paperPages: 8);
        using var clerk = await _factory.SignedInAsync("clerk");
        (await PostCreateAsync(clerk)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var pdf = Directory.GetFiles(Path.Combine(_factory.DataDirectory, "mailing"), "*.pdf").ShouldHaveSingleItem();
        File.Delete(pdf);
        var batch = Path.GetFileNameWithoutExtension(pdf);

        var download = await clerk.GetAsync(new Uri($"{Page}?handler=Download&batch={batch}", UriKind.Relative));

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = DocumentScenarios.TextOf(await download.Content.ReadAsByteArrayAsync());
        text.ShouldContain(request.TrackingNumber);
        text.ShouldContain("Dr. Priya Shah Lakeside Family Practice");
        File.Exists(pdf).ShouldBeTrue();
    }

    [Fact]
    public async Task Download_OfAnUnknownBatch_IsNotFound_AndAudited()
    {
        using var clerk = await _factory.SignedInAsync("clerk");

        var response = await clerk.GetAsync(new Uri(Page + "?handler=Download&batch=../../backoffice.db", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var audit = await _factory.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "DownloadMailingBatch").ToListAsync());
        audit.ShouldHaveSingleItem().Outcome.ShouldBe("not found");
    }
}
