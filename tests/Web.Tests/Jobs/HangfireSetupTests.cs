using System.Net;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Support;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>Storage by database provider, and the dashboard behind the app's own sign-in.</summary>
public sealed class HangfireSetupTests
{
    [Fact]
    public async Task OnSqlite_HangfireKeepsItsJobsInAFileInTheDataDirectory()
    {
        await using var app = new JobsApp();

        var storage = app.Factory.Services.GetRequiredService<JobStorage>();

        storage.ShouldBeOfType<SQLiteStorage>();
        File.Exists(Path.Combine(app.Factory.DataDirectory, JobsServiceCollectionExtensions.SqliteFileName)).ShouldBeTrue();
        storage.GetConnection().GetRecurringJobs().Select(j => j.Id).ShouldBe(
            [BackOfficeRecurringJobs.OutboxSweep, BackOfficeRecurringJobs.StaffDigest, BackOfficeRecurringJobs.TimerSweep,
             BackOfficeRecurringJobs.UnfinishedAttempts, BackOfficeRecurringJobs.MailingBatch, BackOfficeRecurringJobs.AbandonedUploads,
             BackOfficeRecurringJobs.Retention],
            ignoreOrder: true);
        var mailing = storage.GetConnection().GetRecurringJobs().Single(j => j.Id == BackOfficeRecurringJobs.MailingBatch);
        mailing.Cron.ShouldBe("0 15 * * 1-5");
        storage.GetConnection().GetRecurringJobs().Single(j => j.Id == BackOfficeRecurringJobs.AbandonedUploads).Cron.ShouldBe("0 * * * *");
        storage.GetConnection().GetRecurringJobs().Single(j => j.Id == BackOfficeRecurringJobs.Retention).Cron.ShouldBe("30 2 * * *");
    }

    [Fact]
    public async Task TheRetentionRun_StartsAtItsConfiguredTime()
    {
        await using var app = new JobsApp(new Dictionary<string, string?> { ["BackOffice:Retention:RunAt"] = "04:15" });

        var storage = app.Factory.Services.GetRequiredService<JobStorage>();

        storage.GetConnection().GetRecurringJobs().Single(j => j.Id == BackOfficeRecurringJobs.Retention).Cron.ShouldBe("15 4 * * *");
    }

    [Fact]
    public async Task TheAutomaticMailingBatch_IsOff_WhenItsTimeIsEmpty()
    {
        await using var app = new JobsApp(new Dictionary<string, string?> { ["BackOffice:Jobs:MailingBatchAt"] = "" });

        var storage = app.Factory.Services.GetRequiredService<JobStorage>();

        storage.GetConnection().GetRecurringJobs().Select(j => j.Id).ShouldNotContain(BackOfficeRecurringJobs.MailingBatch);
    }

    [Fact]
    public async Task OnPostgreSql_HangfireUsesPostgreSqlStorage_InItsOwnSchemaOfTheSameDatabase()
    {
        await using var database = await ScratchPostgres.CreateAsync();
        await using var app = new JobsApp(database.Settings);

        app.Factory.Services.GetRequiredService<JobStorage>().ShouldBeOfType<PostgreSqlStorage>();
        var request = await app.StartAsync();

        var row = await app.RowAsync(request.Id, "Received");
        app.Time.Advance(OutboxSweepJob.SignalGrace); // no pump runs here: the sweep enqueues the pending row
        (await app.RunAsync<OutboxSweepJob, int>(j => j.RunAsync())).ShouldBe(1);
        app.EnqueuedDispatches().ShouldContain(args => Equals(args[0], row.Id));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var jobs = new NpgsqlCommand("SELECT count(*) FROM hangfire.job", connection);
        ((long)(await jobs.ExecuteScalarAsync())!).ShouldBeGreaterThanOrEqualTo(1);
        await using var requests = new NpgsqlCommand("SELECT count(*) FROM public.\"Requests\"", connection);
        ((long)(await requests.ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Fact]
    public async Task TheDashboard_IsForSupervisorsSignedInToTheApp()
    {
        await using var app = new JobsApp();
        using var anonymous = app.Factory.CreateBrowser();
        using var clerk = await app.Factory.SignedInAsync("clerk");
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var refused = await anonymous.GetAsync(new Uri("/hangfire", UriKind.Relative));
        var forbidden = await clerk.GetAsync(new Uri("/hangfire/recurring", UriKind.Relative));
        var (status, html) = await supervisor.GetPageAsync("/hangfire/recurring");

        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Location().ShouldNotBeNull().ShouldStartWith("http://localhost/Account/SignIn");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forbidden.Location().ShouldNotBeNull().ShouldStartWith("http://localhost/Account/AccessDenied");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("BackOffice jobs");
        html.ShouldContain(BackOfficeRecurringJobs.TimerSweep);
        html.ShouldContain(BackOfficeRecurringJobs.StaffDigest);
        (await supervisor.GetPageAsync("/Staff")).Html.ShouldContain("href=\"/hangfire\"");
    }

    [Fact]
    public async Task TheStatsAddress_AnswersASupervisorWithoutA500()
    {
        await using var app = new JobsApp();
        using var anonymous = app.Factory.CreateBrowser();
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var opened = await supervisor.GetAsync(new Uri("/hangfire/stats", UriKind.Relative));
        var empty = await supervisor.PostAsync(new Uri("/hangfire/stats", UriKind.Relative), new StringContent("x"));
        var stranger = await anonymous.GetAsync(new Uri("/hangfire/stats", UriKind.Relative));

        opened.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        opened.Content.Headers.Allow.ShouldBe(["POST"]);
        empty.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        stranger.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Factory.ErrorLogMessages.ShouldBeEmpty();
    }
}
