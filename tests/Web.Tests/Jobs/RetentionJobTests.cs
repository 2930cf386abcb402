using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Retention;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>The daily retention job as a worker runs it, with the app's real document store, on SQLite and PostgreSQL.</summary>
public sealed class RetentionJobTests
{
    /// <summary>Seven years and a few days: the closing day is well before the policy's cut-off whatever the leap years.</summary>
    private static readonly TimeSpan SevenYearsAndMore = TimeSpan.FromDays(366 * 7 + 2);

    /// <summary>A cancelled request with a release package stored (encrypted) in the document store; returns it and its file.</summary>
    internal static async Task<(RecordsRequest Request, string File)> ClosedWithAFileAsync(JobsApp app)
    {
        var request = await app.StartAsync();
        await app.Factory.AttachPackageAsync(request.Id, "%PDF-1.7 the compiled records"u8.ToArray());
        await app.Factory.FireAsync(request.Id, "Cancel", RequestScenarios.Clerk, ("reason", "Sent twice"));
        var key = (await app.Factory.QueryAsync(db => db.Documents.AsNoTracking().SingleAsync(d => d.RequestId == request.Id))).StorageKey;
        var file = Path.Combine(app.Factory.DataDirectory, "documents", key);
        File.Exists(file).ShouldBeTrue();
        return (request, file);
    }

    [Fact]
    public async Task OnSqlite_RunsOnceADay_DeletesTheFiles_AndKeepsTheRunForTheReport()
    {
        await using var app = new JobsApp();
        await RunsOnceADayAsync(app);
    }

    [Fact]
    public async Task OnPostgreSql_RunsOnceADay_DeletesTheFiles_AndKeepsTheRunForTheReport()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        await using var app = new JobsApp(database.Settings);
        await RunsOnceADayAsync(app);
    }

    private static async Task RunsOnceADayAsync(JobsApp app)
    {
        var (request, file) = await ClosedWithAFileAsync(app);
        var young = await ClosedWithAFileAsync(app);
        app.Time.Advance(SevenYearsAndMore);

        var first = await app.RunAsync<RetentionJob, bool>(j => j.RunAsync());
        var second = await app.RunAsync<RetentionJob, bool>(j => j.RunAsync());

        first.ShouldBeTrue();
        second.ShouldBeFalse("the day's run is claimed once, whichever node or retry runs it");
        File.Exists(file).ShouldBeFalse();
        var stored = await app.Factory.QueryAsync(db => db.Requests.AsNoTracking().Include(r => r.Documents).SingleAsync(r => r.Id == request.Id));
        stored.Documents.ShouldBeEmpty();
        stored.RetentionStage.ShouldBe(RetentionStage.Reduced);
        stored.Patient.LastName.ShouldBeEmpty();
        var run = await app.Factory.QueryAsync(db => db.Set<RetentionRun>().AsNoTracking().Include(r => r.Items).SingleAsync());
        run.DryRun.ShouldBeFalse();
        run.StartedById.ShouldBe(Actor.System.Id);
        run.Items.Select(i => i.TrackingNumber).ShouldBe([request.TrackingNumber, young.Request.TrackingNumber], ignoreOrder: true);
        var claim = await app.Factory.QueryAsync(db => db.Set<JobRun>().AsNoTracking().SingleAsync(r => r.Key.StartsWith("Retention:")));
        claim.FinishedAt.ShouldNotBeNull();
        claim.Outcome.ShouldBe(run.Summary());

        app.Time.Advance(TimeSpan.FromDays(1));
        (await app.RunAsync<RetentionJob, bool>(j => j.RunAsync())).ShouldBeTrue("the next day has its own run");
        (await app.Factory.QueryAsync(db => db.Set<RetentionRun>().CountAsync())).ShouldBe(2);
        // (A new PostgreSQL database logs its missing migration history at start-up; nothing else may be an error.)
        app.Factory.ErrorLogMessages.Where(m => !m.Contains("MigrationsHistory", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AMailingBatch_GoesWithTheRequestsItMailed()
    {
        await using var app = new JobsApp();
        var mailed = await app.StartAsync();
        await app.Factory.ThroughReviewAsync(mailed.Id, paperPages: 12);
        if ((await app.Factory.LoadAsync(mailed.Id)).BalanceDue > 0) await app.Factory.PayInFullAsync(mailed.Id);
        (await app.RunAsync<MailingBatchJob, int>(j => j.RunAsync())).ShouldBe(1);
        var folder = Path.Combine(app.Factory.DataDirectory, "mailing");
        Directory.GetFiles(folder, "*.pdf").ShouldHaveSingleItem();
        app.Time.Advance(SevenYearsAndMore);

        await app.RunAsync<RetentionJob, bool>(j => j.RunAsync());

        Directory.GetFiles(folder).Where(f => f.EndsWith(".pdf", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).ShouldBeEmpty();
        var run = await app.Factory.QueryAsync(db => db.Set<RetentionRun>().AsNoTracking().SingleAsync());
        run.MailingBatchesRemoved.ShouldBe(1);
        (await app.Factory.LoadAsync(mailed.Id)).RetentionStage.ShouldBe(RetentionStage.Reduced);
    }

    [Fact]
    public async Task WithDryRunSet_TheDailyRunOnlyLists()
    {
        await using var app = new JobsApp(new Dictionary<string, string?> { ["BackOffice:Retention:DryRun"] = "true" });
        var (request, file) = await ClosedWithAFileAsync(app);
        app.Time.Advance(SevenYearsAndMore);

        (await app.RunAsync<RetentionJob, bool>(j => j.RunAsync())).ShouldBeTrue();

        File.Exists(file).ShouldBeTrue();
        (await app.Factory.LoadAsync(request.Id)).Patient.LastName.ShouldBe("Lopez");
        var run = await app.Factory.QueryAsync(db => db.Set<RetentionRun>().AsNoTracking().Include(r => r.Items).SingleAsync());
        run.DryRun.ShouldBeTrue();
        run.Items.ShouldHaveSingleItem().TrackingNumber.ShouldBe(request.TrackingNumber);
    }
}
