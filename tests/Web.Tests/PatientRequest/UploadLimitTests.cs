using System.Net;
using BackOffice.Web.Documents;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.PatientRequest;

/// <summary>
/// An anonymous client cannot fill the disk through the online request: uploads are recorded before they are written and
/// limited per wizard, per client address and in total for unsent requests; replacing an upload deletes the earlier one.
/// </summary>
public sealed class UploadLimitTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    private const string WizardFullMessage =
        "This request already has as many uploaded files as it can take. Send it with the files already uploaded, or start a new request.";
    private const string CeilingMessage =
        "We cannot take uploaded files just now. Try again in an hour, or print the paper form and mail it with a copy of your photo ID.";

    private static UploadFile Photo(int i, int size = 64 * 1024) => UploadFile.Jpeg("PhotoId", $"id-{i}.jpg", size);

    [Fact]
    public async Task Replaying_TheSignStep_StoresNoMoreThanTheWizardLimit()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/purpose");
        var stale = form.SaveCookies();
        var filesBefore = app.Factory.StoredFiles().Count;
        var stagedBefore = (await app.Factory.StagedUploadsAsync()).Count;
        var limit = new DocumentOptions().UploadsPerWizard;

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            form.RestoreCookies(stale); // the same answers, with no upload yet, posted again and again
            responses.Add(await form.PostSignAsync(form.Answers.Sign, Photo(i)));
        }

        limit.ShouldBe(6);
        responses.Take(limit).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Skip(limit))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            StaffClient.FieldError(await refused.Content.ReadAsStringAsync(), "PhotoId").ShouldBe(WizardFullMessage);
        }

        (app.Factory.StoredFiles().Count - filesBefore).ShouldBe(limit);
        (await app.Factory.StagedUploadsAsync()).Count.ShouldBe(stagedBefore + limit);
    }

    [Fact]
    public async Task Replacing_AnUpload_DeletesTheEarlierFile_AndItsRecord()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/sign");
        var first = app.Factory.StoredFileWith(form.Answers.PhotoId.Bytes).ShouldNotBeNull();
        var firstKey = app.Factory.KeyOf(first);
        var second = Photo(2);

        var replaced = await form.PostSignAsync(form.Answers.Sign, second);

        replaced.Location().ShouldBe("/request/review");
        File.Exists(first).ShouldBeFalse();
        var secondKey = app.Factory.KeyOf(app.Factory.StoredFileWith(second.Bytes).ShouldNotBeNull());
        var staged = (await app.Factory.StagedUploadsAsync()).Select(u => u.StorageKey).ToList();
        staged.ShouldContain(secondKey);
        staged.ShouldNotContain(firstKey);
    }

    [Fact]
    public async Task Replaying_TheSignStep_AfterTheRequestWasSent_LeavesTheRequestsFileAlone()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/sign");
        var stale = form.SaveCookies();
        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");
        var sent = (await form.StoredRequestsAsync()).ShouldHaveSingleItem().Documents.ShouldHaveSingleItem();

        form.RestoreCookies(stale); // the answers before sending, which name the sent file, with another photo
        var replay = await form.PostSignAsync(form.Answers.Sign, Photo(3));

        replay.Location().ShouldBe("/request/review");
        File.Exists(Path.Combine(app.Factory.DocumentsFolder(), sent.StorageKey)).ShouldBeTrue();
        app.Factory.StoredFileWith(form.Answers.PhotoId.Bytes).ShouldNotBeNull();
    }

    [Fact]
    public async Task Sending_WithAnUploadNoLongerKept_SendsNothing_AndAsksForItAgain()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/sign");
        var stale = form.SaveCookies();
        (await form.PostSignAsync(form.Answers.Sign, Photo(4))).Location().ShouldBe("/request/review"); // replaces the first photo

        form.RestoreCookies(stale); // answers naming the replaced photo
        var refused = await form.PostAsync("/request/review");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldContain(
            "A file you uploaded is no longer kept, so your request was not sent. Upload it again on the step \"Signature and photo ID\", then send your request.");
        (await form.StoredRequestsAsync()).ShouldBeEmpty();
        (await form.Client.GetAsync(new Uri("/request/review", UriKind.Relative))).Location().ShouldBe("/request/sign");

        var again = Photo(5);
        (await form.PostSignAsync(form.Answers.Sign, again)).Location().ShouldBe("/request/review");
        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");
        var document = (await form.StoredRequestsAsync()).ShouldHaveSingleItem().Documents.ShouldHaveSingleItem();
        document.FileName.ShouldBe(again.FileName);
    }

    [Fact]
    public async Task TooManyUploads_FromOneAddress_AreRefusedNextToTheField_WithA429Page()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = RequestFactory.Create(time, new Dictionary<string, string?> { ["BackOffice:Documents:UploadsPerAddress"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            using var earlier = new RequestForm(factory);
            await earlier.CompleteThroughAsync("/request/sign");
        }

        using var form = new RequestForm(factory);
        await form.CompleteThroughAsync("/request/purpose");
        var refused = await form.PostSignAsync(form.Answers.Sign, form.Answers.PhotoId);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromHours(1));
        var html = await refused.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "PhotoId").ShouldBe(
            "Too many files have been uploaded from your internet connection in a short time. Try again in 60 minutes.");
        html.ShouldContain("<h1>Signature and photo ID</h1>");
        factory.StoredFiles().Count.ShouldBe(3);

        time.Advance(TimeSpan.FromMinutes(61)); // the first three leave the window
        (await form.PostSignAsync(form.Answers.Sign, form.Answers.PhotoId)).Location().ShouldBe("/request/review");
    }

    [Fact]
    public async Task TooManyBytes_FromOneAddress_AreRefused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = RequestFactory.Create(time, new Dictionary<string, string?> { ["BackOffice:Documents:UploadBytesPerAddress"] = "100000" });
        using var first = new RequestForm(factory);
        await first.CompleteThroughAsync("/request/purpose");
        using var second = new RequestForm(factory);
        await second.CompleteThroughAsync("/request/purpose");

        var accepted = await first.PostSignAsync(first.Answers.Sign, Photo(1, 60_000));
        var refused = await second.PostSignAsync(second.Answers.Sign, Photo(2, 60_000));

        accepted.Location().ShouldBe("/request/review");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        StaffClient.FieldError(await refused.Content.ReadAsStringAsync(), "PhotoId").ShouldNotBeNull().ShouldStartWith("Too many files");
        factory.StoredFiles().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task TheCountPerAddress_IsSharedByEveryNode_OnPostgreSql()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await ScratchPostgres.CreateAsync();
        var settings = new Dictionary<string, string?>(database.Settings) { ["BackOffice:Documents:UploadsPerAddress"] = "1" };
        await using var first = RequestFactory.Create(time, settings);
        using var onFirst = new RequestForm(first);
        await onFirst.CompleteThroughAsync("/request/sign");
        await using var second = RequestFactory.Create(time, settings); // another node: its own process, the same database
        using var onSecond = new RequestForm(second);
        await onSecond.CompleteThroughAsync("/request/purpose");

        var refused = await onSecond.PostSignAsync(onSecond.Answers.Sign, onSecond.Answers.PhotoId);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        second.StoredFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Uploads_PastTheCeilingForUnsentRequests_AreRefused_UntilOneIsSent()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = RequestFactory.Create(time, new Dictionary<string, string?> { ["BackOffice:Documents:UnsentUploadBytesCeiling"] = "100000" });
        using var first = new RequestForm(factory) { Answers = { PhotoId = Photo(1, 60_000) } };
        await first.CompleteThroughAsync("/request/sign");
        using var second = new RequestForm(factory);
        await second.CompleteThroughAsync("/request/purpose");

        var refused = await second.PostSignAsync(second.Answers.Sign, Photo(2, 60_000));

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromHours(1));
        StaffClient.FieldError(await refused.Content.ReadAsStringAsync(), "PhotoId").ShouldBe(CeilingMessage);
        factory.StoredFiles().ShouldHaveSingleItem();

        (await first.PostAsync("/request/review")).Location().ShouldBe("/request/done"); // a sent request's files no longer count
        (await second.PostSignAsync(second.Answers.Sign, Photo(2, 60_000))).Location().ShouldBe("/request/review");
    }
}
