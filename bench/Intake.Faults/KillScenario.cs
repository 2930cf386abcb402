using System.Diagnostics;
using System.Globalization;

namespace BackOffice.Intake.Faults;

/// <summary>
/// SIGKILL mid-load, three times (SQLite, one node): load for a few seconds, wait until forms are in their final send,
/// kill the process, start it again on the same data, take every interrupted form up again with its own cookies. At the
/// end, with the outbox settled, count in the database and the mail folder. A kill whose forms all got their answer in
/// the moment between being seen sending and the SIGKILL landing tested nothing of a send cut off: it is counted and
/// another kill follows, up to <see cref="MostKills"/> in all.
/// </summary>
internal static class KillScenario
{
    public const int Kills = 3;
    public const int MostKills = 6;

    public static async Task RunAsync(FaultSetup setup, Checks checks)
    {
        var data = Path.Combine(setup.Work, "kill", "data");
        var environment = setup.Environment(data);
        var database = Database.Sqlite(Path.Combine(data, "backoffice.db"));
        var (started, coldStart) = await setup.StartAsync("kill", environment);
        AppProcess? app = started;
        checks.Figure("cold start to healthy, empty database", coldStart);
        var traffic = new Traffic(setup.Options.Clients);
        var recoveries = new List<Recovery>();
        var http = FaultSetup.Client(app.Address);
        try
        {
            var caughtSending = 0;
            for (var kill = 1; caughtSending < Kills && kill <= MostKills; kill++)
            {
                Console.WriteLine($"  load {setup.Options.Seconds} s, then SIGKILL {kill} ({caughtSending} of {Kills} have cut off final sends) ...");
                traffic.Phase = "load";
                traffic.Start(new OnlineRequestClient(http));
                await Task.Delay(TimeSpan.FromSeconds(setup.Options.Seconds));
                // Kill while forms are being sent: the moment a few are in their final send.
                var killing = app;
                var killedAt = 0L;
                await traffic.WhenSending(Math.Min(3, setup.Options.Clients), TimeSpan.FromSeconds(20), () =>
                {
                    traffic.RequestStop();
                    traffic.Phase = $"kill {kill}";
                    killing.Kill();
                    killedAt = Stopwatch.GetTimestamp();
                });
                await traffic.StopAsync(TimeSpan.FromSeconds(90));
                var interrupted = traffic.TakeInterrupted();
                var inFinalSend = interrupted.Count(i => i.InFinalSend);
                checks.Figure($"kill {kill}: forms in their final send at the SIGKILL", inFinalSend);
                if (inFinalSend > 0) caughtSending++;
                checks.Figure($"kill {kill}: forms part-way through the steps at the SIGKILL", interrupted.Count - inFinalSend);
                await app.DisposeAsync();
                app = null;
                http.Dispose();

                (app, _) = await setup.StartAsync("kill", environment);
                checks.Figure($"kill {kill}: SIGKILL to healthy again", Stopwatch.GetElapsedTime(killedAt));
                http = FaultSetup.Client(app.Address);
                var resumed = await traffic.ResumeAsync(new OnlineRequestClient(http), interrupted, database.TrackingNumberOfAsync);
                Console.WriteLine($"    {interrupted.Count(i => i.InFinalSend)} forms were in their final send, {interrupted.Count(i => !i.InFinalSend)} part-way; "
                    + $"{resumed.Count(r => r.Succeeded)} of {resumed.Count} taken up again to the done page ({resumed.Count(r => r.StoredBefore is not null)} were stored before the kill)");
                recoveries.AddRange(resumed);
            }

            checks.True($"kills that cut off final sends (of at most {MostKills})", caughtSending == Kills,
                caughtSending.ToString(CultureInfo.InvariantCulture));
            checks.Zero("failed calls before a kill (unexpected)", traffic.Failures.Count(f => f.Phase == "load"));
            StoredRequests.CheckRecoveries(recoveries, checks);

            Console.WriteLine("  waiting for the outbox to settle (the sweep runs once a minute) ...");
            var (outbox, waited, drained) = await database.WaitForOutboxAsync(TimeSpan.FromMinutes(3));
            checks.True("outbox settled (every row done or an incident)", drained, waited.TotalSeconds.ToString("0 s", CultureInfo.InvariantCulture));
            StoredRequests.Check(await database.RequestsAsync(), await database.OrphanRowsAsync(), traffic.Confirmed, checks);
            var (messages, unfinished) = MailFolder.Read(Path.Combine(data, "mail"));
            MailCount.Check(outbox, messages, unfinished, checks, incidentsAllowed: true);
        }
        finally
        {
            await traffic.StopAsync(TimeSpan.FromSeconds(90));
            http.Dispose();
            if (app is not null) await app.DisposeAsync();
        }
    }
}
