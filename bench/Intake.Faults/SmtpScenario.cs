using System.Globalization;
using netDumbster.smtp;

namespace BackOffice.Intake.Faults;

/// <summary>
/// The mail server goes down mid-load and comes back (SQLite, one node): an SMTP server in this process (netDumbster,
/// loopback, no TLS) takes the app's mail; it is stopped while people keep sending forms (each must still be accepted:
/// mail leaves from the outbox after the commit), then started again on the same port. With the outbox settled, each
/// row's message must have arrived exactly once and none may be an incident.
/// </summary>
internal static class SmtpScenario
{
    public static async Task RunAsync(FaultSetup setup, Checks checks)
    {
        var port = FaultSetup.FreePort();
        // The stopped server is kept until the end: a session it accepted before it stopped may still hand a message
        // over afterwards (netDumbster stops listening, not talking), and that message counts.
        var servers = new List<SimpleSmtpServer> { SimpleSmtpServer.Start(port) };
        var data = Path.Combine(setup.Work, "smtp", "data");
        var environment = setup.Environment(data);
        environment["BackOffice__Smtp__Host"] = "127.0.0.1";
        environment["BackOffice__Smtp__Port"] = port.ToString(CultureInfo.InvariantCulture);
        environment["BackOffice__Smtp__Security"] = "None";
        environment["BackOffice__Smtp__RequireTlsForRecords"] = "false";
        environment["BackOffice__Smtp__TimeoutSeconds"] = "10";
        var database = Database.Sqlite(Path.Combine(data, "backoffice.db"));
        var (app, _) = await setup.StartAsync("smtp", environment);
        var traffic = new Traffic(setup.Options.Clients);
        using var http = FaultSetup.Client(app.Address);
        try
        {
            var seconds = TimeSpan.FromSeconds(setup.Options.Seconds);
            Console.WriteLine($"  load {seconds.TotalSeconds} s with the mail server up ...");
            traffic.Phase = "mail up";
            traffic.Start(new OnlineRequestClient(http));
            await Task.Delay(seconds);

            var beforeDown = traffic.Confirmed.Count;
            traffic.Phase = "mail down";
            servers[0].Stop();
            Console.WriteLine($"  mail server stopped; load {2 * seconds.TotalSeconds} s ...");
            await Task.Delay(2 * seconds);
            var acceptedWhileDown = traffic.Confirmed.Count - beforeDown;
            var failedSends = (await database.OutboxAsync()).Count(r => r.LastError is not null);

            servers.Add(await StartAgainAsync(port));
            traffic.Phase = "mail back";
            Console.WriteLine($"  mail server started again; load {seconds.TotalSeconds} s ...");
            await Task.Delay(seconds);
            await traffic.StopAsync(TimeSpan.FromSeconds(90));

            checks.Figure("requests confirmed while the mail server was down", acceptedWhileDown);
            checks.True("requests accepted while the mail server was down", acceptedWhileDown > 0, acceptedWhileDown.ToString(CultureInfo.InvariantCulture));
            checks.True("sends that failed while it was down (the outage was felt)", failedSends > 0, failedSends.ToString(CultureInfo.InvariantCulture));
            checks.Zero("failed calls (none expected: mail is not on the request's path)", traffic.Failures.Count);
            foreach (var failure in traffic.Failures.Take(3)) checks.Note($"failed ({failure.Phase}): {failure.Message}");
            var interrupted = traffic.TakeInterrupted();
            if (interrupted.Count > 0) StoredRequests.CheckRecoveries(await traffic.ResumeAsync(new OnlineRequestClient(http), interrupted, database.TrackingNumberOfAsync), checks);

            Console.WriteLine("  waiting for the outbox to settle (failed sends are retried by the sweep, once a minute) ...");
            var (outbox, waited, drained) = await database.WaitForOutboxAsync(TimeSpan.FromMinutes(3));
            checks.True("outbox settled (every row done or an incident)", drained, waited.TotalSeconds.ToString("0 s", CultureInfo.InvariantCulture));
            StoredRequests.Check(await database.RequestsAsync(), await database.OrphanRowsAsync(), traffic.Confirmed, checks);
            var received = servers.SelectMany(s => s.ReceivedEmail).Select(m => MailHead.Parse(m.Data)).ToList();
            MailCount.Check(outbox, received, 0, checks, incidentsAllowed: false);
        }
        finally
        {
            await traffic.StopAsync(TimeSpan.FromSeconds(90));
            await app.DisposeAsync();
            foreach (var server in servers) server.Dispose();
        }
    }

    /// <summary>The same port again (a moment after the old listener closed it).</summary>
    private static async Task<SimpleSmtpServer> StartAgainAsync(int port)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return SimpleSmtpServer.Start(port);
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }
}
