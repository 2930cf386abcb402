using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Intake;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Time;
using BackOffice.Workflows.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>The abandoned-uploads job, called as the Hangfire server would call it, on an app with a movable clock.</summary>
public sealed class AbandonedUploadsJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private BackOfficeFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = RequestFactory.Create(_time);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task AnAbandonedUpload_IsDeleted_FileAndRecord_OnceNoBrowserCanSendIt()
    {
        using var form = new RequestForm(_app);
        await form.CompleteThroughAsync("/request/sign");
        var file = _app.StoredFileWith(form.Answers.PhotoId.Bytes).ShouldNotBeNull();
        var key = _app.KeyOf(file);

        _time.Advance(AbandonedUploadsJob.KeepFor - TimeSpan.FromMinutes(1));
        var early = await _app.RunAbandonedUploadsJobAsync();
        _time.Advance(TimeSpan.FromMinutes(2));
        var due = await _app.RunAbandonedUploadsJobAsync();
        var again = await _app.RunAbandonedUploadsJobAsync();

        early.ShouldBe(0);
        due.ShouldBe(1);
        again.ShouldBe(0);
        File.Exists(file).ShouldBeFalse();
        (await _app.StagedUploadsAsync()).ShouldBeEmpty();
        (await _app.QueryAsync(db => db.ClientUploads.CountAsync())).ShouldBe(0, "the per-address count is forgotten after its window");
        var logged = _app.LogMessages.Where(m => m.Contains("Abandoned uploads:", StringComparison.Ordinal)).ToList();
        logged.ShouldContain(m => m.Contains("1 files deleted", StringComparison.Ordinal));
        _app.LogMessages.ShouldNotContain(m => m.Contains(key, StringComparison.Ordinal) || m.Contains(form.Answers.LastName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUpload_WhoseFileIsAlreadyGone_IsForgotten_WithoutError()
    {
        using var form = new RequestForm(_app);
        await form.CompleteThroughAsync("/request/sign");
        Directory.Delete(_app.DocumentsFolder(), recursive: true); // e.g. a run that stopped after deleting it

        _time.Advance(AbandonedUploadsJob.KeepFor + TimeSpan.FromMinutes(1));
        await _app.RunAbandonedUploadsJobAsync();

        (await _app.StagedUploadsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnUpload_OfAWizardStillInUse_IsKept_AndItsRequestCanBeSent()
    {
        using var form = new RequestForm(_app);
        await form.CompleteThroughAsync("/request/sign");
        var file = _app.StoredFileWith(form.Answers.PhotoId.Bytes).ShouldNotBeNull();

        _time.Advance(TimeSpan.FromMinutes(110)); // back to change an answer, just before the answers expire
        (await form.PostAsync("/request/purpose", form.Answers.Purpose)).Location().ShouldBe("/request/sign");
        _time.Advance(TimeSpan.FromMinutes(30)); // past KeepFor since the upload, not since the answers were kept
        var deleted = await _app.RunAbandonedUploadsJobAsync();

        deleted.ShouldBe(0);
        File.Exists(file).ShouldBeTrue();
        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");
        (await form.StoredRequestsAsync()).ShouldHaveSingleItem().Documents.ShouldHaveSingleItem().StorageKey.ShouldBe(_app.KeyOf(file));
    }

    [Fact]
    public async Task Sending_TheRequest_TakesItsUploadOver_AndTheJobNeverDeletesAFileARequestNames()
    {
        using var form = new RequestForm(_app);
        (await form.SubmitAsync()).Location().ShouldBe("/request/done");
        var document = (await form.StoredRequestsAsync()).ShouldHaveSingleItem().Documents.ShouldHaveSingleItem();
        var file = Path.Combine(_app.DocumentsFolder(), document.StorageKey);
        (await _app.StagedUploadsAsync()).ShouldBeEmpty("the send removed its record in the commit that created the request");

        // A record left behind for a file a request names (restored from a backup, say) loses its record, never its file.
        await _app.QueryAsync(async db =>
        {
            db.StagedUploads.Add(StagedUpload.Stage(document.StorageKey, Guid.NewGuid(), "203.0.113.7", document.Size, _time.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        _time.Advance(TimeSpan.FromDays(1));
        var deleted = await _app.RunAbandonedUploadsJobAsync();

        deleted.ShouldBe(0);
        File.Exists(file).ShouldBeTrue();
        (await _app.StagedUploadsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task StaffIntakeUploads_AreNotTouched()
    {
        using var clerk = await _app.SignedInAsync("clerk");
        var today = _app.Services.GetRequiredService<DepartmentClock>().Today;
        var complete = new IntakeForm(today);
        (await complete.PostAsync(clerk)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var unfinished = new IntakeForm(today) { Scan = UploadFile.Pdf("Scan", "another-scan.pdf") };
        unfinished.Fields.Without("Patient.FirstName");
        (await unfinished.PostAsync(clerk)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK); // its scan is stored, no request yet
        var files = _app.StoredFiles();
        files.Count.ShouldBe(2);

        _time.Advance(TimeSpan.FromDays(3));
        var deleted = await _app.RunAbandonedUploadsJobAsync();

        deleted.ShouldBe(0);
        _app.StoredFiles().ShouldBe(files, ignoreOrder: true);
        (await _app.StagedUploadsAsync()).ShouldBeEmpty();
    }
}
