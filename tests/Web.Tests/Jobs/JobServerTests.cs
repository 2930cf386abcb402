using System.Net;
using BackOffice.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>Test classes that start a real Hangfire server run in this collection, one at a time and after the
/// others: Hangfire servers poll in the background, and the rest of the suite runs many hosts in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class JobServers
{
    public const string Name = "Hangfire servers";
}

/// <summary>Real job servers (Hangfire and the outbox pump): in the web app (the default), or in a separate worker
/// process on the same data.</summary>
[Collection(JobServers.Name)]
public sealed class JobServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AWebAppWithoutServer_SendsNothing_AndAWorkerOnTheSameDataSendsWhatItCommitted()
    {
        var data = Path.Combine(Path.GetTempPath(), "backoffice-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var web = new JobsApp(new Dictionary<string, string?> { ["BackOffice:DataDirectory"] = data });
            var request = await web.StartAsync();
            var row = await web.RowAsync(request.Id, "Received");
            // The outbox row is the durable record: the commit writes nothing to Hangfire's store.
            web.EnqueuedDispatches().ShouldNotContain(args => Equals(args[0], row.Id));
            var monitoring = web.Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            monitoring.Servers().ShouldBeEmpty();
            await Task.Delay(TimeSpan.FromSeconds(1));
            (await web.RowAsync(row.Id)).ProcessedAt.ShouldBeNull();

            await using var worker = new JobsApp(new Dictionary<string, string?>
            {
                ["BackOffice:DataDirectory"] = data,
                ["BackOffice:Jobs:WorkerOnly"] = "true",
                ["BackOffice:Jobs:PollIntervalSeconds"] = "0.2",
            });
            using var client = worker.Factory.CreateBrowser();

            (await WaitForAsync(async () => (await web.RowAsync(row.Id)).ProcessedAt is not null)).ShouldBeTrue("the worker did not send the message");
            worker.Mail.Sent.ShouldHaveSingleItem().Subject.ShouldBe("Your records request: Received");
            web.Mail.Sent.ShouldBeEmpty();
            (await WaitForAsync(() => Task.FromResult(monitoring.Servers().Count == 1))).ShouldBeTrue("the worker's Hangfire server did not start");
            monitoring.Servers().ShouldHaveSingleItem().Name.ShouldContain(":worker:");
            (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync(new Uri("/Staff", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task TheWebAppByDefault_RunsAServer_ThatSendsWhatItsTransitionsCommit()
    {
        await using var app = new JobsApp(new Dictionary<string, string?>
        {
            ["BackOffice:Jobs:RunServer"] = "true",
            ["BackOffice:Jobs:PollIntervalSeconds"] = "0.2",
        });

        var request = await app.StartAsync();
        var row = await app.RowAsync(request.Id, "Received");

        (await WaitForAsync(async () => (await app.RowAsync(row.Id)).ProcessedAt is not null)).ShouldBeTrue("the in-app server did not send the message");
        app.Mail.Sent.ShouldHaveSingleItem();
        var monitoring = app.Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        (await WaitForAsync(() => Task.FromResult(monitoring.Servers().Count == 1))).ShouldBeTrue("the web app's Hangfire server did not start");
        monitoring.Servers().ShouldHaveSingleItem().Name.ShouldContain(":web:");
    }

    [Fact]
    public async Task TheJobs_BeginAPauseAfterTheAppAnswers_SoARestartedNodeAnswersFirst()
    {
        await using var app = new JobsApp(new Dictionary<string, string?>
        {
            ["BackOffice:Jobs:RunServer"] = "true",
            ["BackOffice:Jobs:PollIntervalSeconds"] = "0.2",
            ["BackOffice:Jobs:StartAfterSeconds"] = "30",
        });
        using var client = app.Factory.CreateBrowser();
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var request = await app.StartAsync();
        var row = await app.RowAsync(request.Id, "Received");
        var monitoring = app.Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        // The app answers and commits; neither the pump nor the Hangfire server has begun.
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await app.RowAsync(row.Id)).ProcessedAt.ShouldBeNull();
        monitoring.Servers().ShouldBeEmpty();
        app.Mail.Sent.ShouldBeEmpty();

        // The department clock passes the pause (a step at a time: the pause starts once the host has started).
        (await WaitForAsync(async () =>
        {
            app.Time.Advance(TimeSpan.FromSeconds(5));
            return (await app.RowAsync(row.Id)).ProcessedAt is not null;
        })).ShouldBeTrue("the pump did not begin after the pause");
        app.Mail.Sent.ShouldHaveSingleItem();
        (await WaitForAsync(() => Task.FromResult(monitoring.Servers().Count == 1))).ShouldBeTrue("the Hangfire server did not begin after the pause");
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }

        return await condition();
    }
}
