using System.Diagnostics;
using System.Globalization;

namespace BackOffice.Intake.Faults;

/// <summary>
/// PostgreSQL restarted mid-load: the app on a database of a server of this run's own (<see cref="PostgresCluster"/>);
/// while people send forms the server is stopped (fast, as a restart does), kept down a few seconds and started again.
/// Calls during the outage must fail cleanly (the site's error page, no exception text), the app must be healthy again
/// on its own, calls afterwards must succeed, every form the outage interrupted must go through when taken up again,
/// and every confirmed request must be stored with its journal and outbox rows.
/// </summary>
internal static class PostgresScenario
{
    public static async Task RunAsync(FaultSetup setup, Checks checks)
    {
        Console.WriteLine("  a PostgreSQL server of this run's own ...");
        await using var cluster = await PostgresCluster.CreateAsync(Path.Combine(setup.Work, "postgres", "cluster"));
        setup.AtAbort(cluster.StopNow);
        await cluster.CreateDatabaseAsync("faults");
        var connectionString = cluster.ConnectionString("faults");
        var data = Path.Combine(setup.Work, "postgres", "data");
        var environment = setup.Environment(data);
        environment["BackOffice__Database__Provider"] = "PostgreSql";
        environment["BackOffice__Database__ConnectionString"] = connectionString;
        var database = Database.Postgres(connectionString);
        var (app, coldStart) = await setup.StartAsync("postgres", environment);
        checks.Figure("cold start to healthy, empty PostgreSQL database", coldStart);
        var traffic = new Traffic(setup.Options.Clients);
        using var http = FaultSetup.Client(app.Address);
        try
        {
            var seconds = TimeSpan.FromSeconds(setup.Options.Seconds);
            Console.WriteLine($"  load {seconds.TotalSeconds} s ...");
            traffic.Phase = "before";
            traffic.Start(new OnlineRequestClient(http));
            await Task.Delay(seconds);
            // A cold app on a new database is slow for its first forms: the outage comes once some are through.
            await traffic.WaitConfirmedAsync(2 * setup.Options.Clients, TimeSpan.FromSeconds(60));

            // Stop the server while forms are being sent.
            await traffic.WaitSendingAsync(1, TimeSpan.FromSeconds(10));
            traffic.Phase = "outage";
            var beforeOutage = traffic.Confirmed.Count;
            var stopping = Stopwatch.GetTimestamp();
            cluster.Stop();
            Console.WriteLine($"  PostgreSQL stopped; down {setup.Options.DownSeconds} s under load ...");
            var health = await HealthStatusAsync(app.Address);
            await Task.Delay(TimeSpan.FromSeconds(setup.Options.DownSeconds));
            cluster.Start();
            var healthy = await FaultSetup.WaitHealthyAsync(app.Address, TimeSpan.FromSeconds(60));
            var outage = Stopwatch.GetElapsedTime(stopping);
            var duringOutage = traffic.Confirmed.Count - beforeOutage;
            checks.True("GET /health while the database is down: 503", health == 503, health?.ToString(CultureInfo.InvariantCulture) ?? "no answer");
            checks.True("app healthy again on its own after the restart", healthy is not null, healthy is null ? "not within 60 s" : "yes");
            checks.Figure("stop to healthy again (stop, down, start, first good /health)", outage);

            traffic.Phase = "after";
            var beforeAfter = traffic.Confirmed.Count;
            Console.WriteLine($"  PostgreSQL back; load {seconds.TotalSeconds} s ...");
            await Task.Delay(seconds);
            await traffic.StopAsync(TimeSpan.FromSeconds(90));
            var after = traffic.Confirmed.Count - beforeAfter;

            var failures = traffic.Failures.ToList();
            var outageFailures = failures.Where(f => f.Phase == "outage").ToList();
            checks.Figure("requests confirmed before the outage", beforeOutage);
            checks.Figure("requests confirmed during the outage (before the stop took hold, or after the start)", duringOutage);
            checks.Figure("failed calls during the outage", outageFailures.Count);
            foreach (var status in outageFailures.GroupBy(f => f.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no answer").OrderBy(g => g.Key, StringComparer.Ordinal))
                checks.Figure($"  answered {status.Key}", status.Count());
            checks.True("the outage was felt (calls failed)", outageFailures.Count > 0, outageFailures.Count.ToString(CultureInfo.InvariantCulture));
            checks.Zero("failed calls during the outage that were not clean (no answer, not the error page, exception text)",
                outageFailures.Count(f => !StoredRequests.IsClean(f)));
            foreach (var unclean in outageFailures.Where(f => !StoredRequests.IsClean(f)).Take(3))
                checks.Note($"not clean: {unclean.Message}: {Excerpt(unclean.Body)}");
            checks.Figure("requests confirmed after the restart", after);
            checks.True("requests succeed after the restart", after > 0, after.ToString(CultureInfo.InvariantCulture));
            checks.Zero("failed calls before the outage or after the app was healthy again", failures.Count(f => f.Phase is "before" or "after"));
            foreach (var failure in failures.Where(f => f.Phase is "before" or "after").Take(3))
                checks.Note($"failed ({failure.Phase}): {failure.Message}: {Excerpt(failure.Body)}");

            var interrupted = traffic.TakeInterrupted();
            StoredRequests.CheckRecoveries(await traffic.ResumeAsync(new OnlineRequestClient(http), interrupted, database.TrackingNumberOfAsync), checks);

            Console.WriteLine("  waiting for the outbox to settle (the sweep runs once a minute) ...");
            var (outbox, waited, drained) = await database.WaitForOutboxAsync(TimeSpan.FromMinutes(3));
            checks.True("outbox settled (every row done or an incident)", drained, waited.TotalSeconds.ToString("0 s", CultureInfo.InvariantCulture));
            StoredRequests.Check(await database.RequestsAsync(), await database.OrphanRowsAsync(), traffic.Confirmed, checks);
            var (messages, unfinished) = MailFolder.Read(Path.Combine(data, "mail"));
            // The outcome of a send the database could not take at first is written once it is back: no incident for staff.
            MailCount.Check(outbox, messages, unfinished, checks, incidentsAllowed: false);
        }
        finally
        {
            await traffic.StopAsync(TimeSpan.FromSeconds(90));
            await app.DisposeAsync();
        }
    }

    private static async Task<int?> HealthStatusAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static string Excerpt(string? body)
    {
        if (body is null) return "(no body)";
        var text = System.Text.RegularExpressions.Regex.Replace(body, "<[^>]+>|\\s+", " ").Trim();
        return text.Length <= 200 ? text : text[..200] + "...";
    }
}
