using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using Hangfire;
using MimeKit;
using Xunit.Abstractions;

namespace BackOffice.Web.Tests.Nodes;

/// <summary>Tests that start node processes run in this collection, alone and after the others: three processes
/// starting on a 2-core machine next to the rest of the suite would only measure the crowd.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NodeProcesses
{
    public const string Name = "Node processes";
}

/// <summary>
/// Issue #14's two-node test: two web nodes and a worker, real processes on one PostgreSQL database (README "Running
/// several nodes"). A wizard started on one node is finished on the other; the same form sent to both at once makes one
/// request; the same staff action from both at once: one wins, the other is told; each e-mail goes once while all three
/// run jobs.
/// </summary>
[Collection(NodeProcesses.Name)]
public sealed partial class TwoNodeTests(NodeCluster nodes, ITestOutputHelper output) : IClassFixture<NodeCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Nodes_StartedTogetherOnAnEmptyDatabase_TakeTurnsAtStartUp_AndAllServe()
    {
        output.WriteLine($"three nodes healthy {nodes.StartedIn.TotalSeconds:0.0} s after they were started");

        // One node migrated the empty database; the others found it done (before, they migrated at the same time and stopped).
        nodes.All.Count(n => n.Lines.Any(l => l.Contains("Applying migration", StringComparison.Ordinal))).ShouldBe(1, nodes.Logs());
        // One key ring key for every node, made by the first one.
        (await nodes.CountAsync("""SELECT count(*) FROM "DataProtectionKeys" """)).ShouldBe(1);
        foreach (var node in nodes.All)
        {
            using var client = new HttpClient { BaseAddress = node.BaseAddress };
            (await client.GetStringAsync(new Uri("health", UriKind.Relative))).ShouldContain("\"Healthy\"");
        }

        using var browser = new NodeBrowser();
        (await browser.On(nodes.Worker).GetAsync(new Uri("/request", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        nodes.ErrorsLogged().ShouldBeEmpty();
    }

    [Fact]
    public async Task AWizard_StartedOnOneNode_IsFinishedOnTheOther_AndStoredOnce()
    {
        using var browser = new NodeBrowser();
        var answers = new Answers();

        // Each step on the other node than the one before: the answers travel in the cookie, readable on both.
        for (var i = 0; i < RequestForm.Paths.Length; i++) await browser.AnswerStepAsync(i % 2 == 0 ? nodes.A : nodes.B, answers, RequestForm.Paths[i]);
        var sent = await browser.On(nodes.B).PostFormAsync("/request/review", []);
        sent.Location().ShouldBe("/request/done", await sent.Content.ReadAsStringAsync());
        var tracking = await browser.TrackingNumberAsync(nodes.A);

        var (id, _, state) = await nodes.RequestAsync(tracking);
        state.ShouldBe("Received");
        (await nodes.QueryAsync("""SELECT "Trigger", "ToState" FROM "Journal" WHERE "RequestId" = @id ORDER BY "Sequence" """,
            r => $"{r.GetString(0)} -> {r.GetString(1)}", ("id", id))).ShouldBe(["Submit -> Received"]);
        (await nodes.QueryAsync("""SELECT "Kind", "Type" FROM "Outbox" WHERE "RequestId" = @id""",
            r => $"{r.GetString(0)}:{r.GetString(1)}", ("id", id))).ShouldBe(["RequesterMessage:Received"]);
        // The photo ID was uploaded to node A (sign step) and taken over by the request sent on node B: one file, shared.
        var document = (await nodes.QueryAsync("""SELECT "Kind", "StorageKey" FROM "Documents" WHERE "RequestId" = @id""",
            r => (Kind: r.GetString(0), Key: r.GetString(1)), ("id", id))).ShouldHaveSingleItem();
        document.Kind.ShouldBe("PhotoId");
        File.Exists(Path.Combine(nodes.FilesDirectory, "documents", document.Key)).ShouldBeTrue();
        (await nodes.CountAsync("""SELECT count(*) FROM "StagedUploads" WHERE "StorageKey" = @key""", ("key", document.Key))).ShouldBe(0);
        nodes.ErrorsLogged().ShouldBeEmpty();
    }

    [Fact]
    public async Task TheSameForm_SentToBothNodesAtOnce_MakesOneRequest()
    {
        using var browser = new NodeBrowser();
        var answers = new Answers();
        foreach (var path in RequestForm.Paths) await browser.AnswerStepAsync(nodes.A, answers, path);
        var (_, review) = await browser.On(nodes.A).GetPageAsync("/request/review");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = StaffClient.AntiforgeryToken(review) };
        var before = await nodes.CountAsync("""SELECT count(*) FROM "Requests" """);
        // Two tabs with the same answers (or a retry after a lost answer), each sent to another node at the same moment.
        using var tabA = browser.Copy();
        using var tabB = browser.Copy();

        var sends = await Task.WhenAll(
            tabA.On(nodes.A).PostAsync(new Uri("/request/review", UriKind.Relative), new FormUrlEncodedContent(form)),
            tabB.On(nodes.B).PostAsync(new Uri("/request/review", UriKind.Relative), new FormUrlEncodedContent(form)));

        foreach (var send in sends) send.Location().ShouldBe("/request/done", await send.Content.ReadAsStringAsync());
        var tracking = await tabA.TrackingNumberAsync(nodes.A);
        (await tabB.TrackingNumberAsync(nodes.B)).ShouldBe(tracking);
        (await nodes.CountAsync("""SELECT count(*) FROM "Requests" """)).ShouldBe(before + 1);
        var (id, _, _) = await nodes.RequestAsync(tracking);
        (await nodes.CountAsync("""SELECT count(*) FROM "Journal" WHERE "RequestId" = @id""", ("id", id))).ShouldBe(1);
        (await nodes.CountAsync("""SELECT count(*) FROM "Outbox" WHERE "RequestId" = @id""", ("id", id))).ShouldBe(1);
        (await nodes.CountAsync("""SELECT count(*) FROM "Documents" WHERE "RequestId" = @id""", ("id", id))).ShouldBe(1);
        nodes.ErrorsLogged().ShouldBeEmpty();
    }

    [Fact]
    public async Task SameAction_FromTwoNodes_OneWinsOneConflicts()
    {
        using var requester = new NodeBrowser();
        var tracking = await requester.SubmitAsync(nodes.A, new Answers());
        var (id, _, _) = await nodes.RequestAsync(tracking);
        // Two clerks, one on each node.
        using var clerk = new NodeBrowser();
        using var reviewer = new NodeBrowser();
        await clerk.SignInAsync(nodes.A, "clerk");
        await reviewer.SignInAsync(nodes.B, "reviewer");

        // Three times, so the race is run both ways: the loser reading the request after the winner committed, or both
        // saving at the same moment.
        await RaceAsync(id, clerk, reviewer, "Verify", "Verified", ("identityChecked", "true"));
        await RaceAsync(id, clerk, reviewer, "StartFulfillment", "InFulfillment");
        await RaceAsync(id, clerk, reviewer, "Assign", "InFulfillment", ("assignee", "reviewer"));

        (await nodes.QueryAsync("""SELECT "Trigger" FROM "Journal" WHERE "RequestId" = @id ORDER BY "Sequence" """, r => r.GetString(0), ("id", id)))
            .ShouldBe(["Submit", "Verify", "StartFulfillment", "Assign"]);
        nodes.ErrorsLogged().ShouldBeEmpty();
    }

    /// <summary>Both clerks open the request at the same version, then press the same action at the same moment, each on
    /// their own node: one is done, the other is told, and the request moved once.</summary>
    private async Task RaceAsync(Guid id, NodeBrowser clerk, NodeBrowser reviewer, string trigger, string expectedState,
        params (string Name, string Value)[] args)
    {
        var page = $"/Staff/Requests/{id}";
        var (version, trackingNumber) = (await nodes.QueryAsync("""SELECT "Version", "TrackingNumber" FROM "Requests" WHERE "Id" = @id""",
            r => (r.GetInt32(0), r.GetString(1)), ("id", id))).Single();
        var forms = new List<FormUrlEncodedContent>();
        foreach (var (browser, node) in new[] { (clerk, nodes.A), (reviewer, nodes.B) })
        {
            var (status, html) = await browser.On(node).GetPageAsync(page);
            status.ShouldBe(HttpStatusCode.OK);
            ShownVersion(html).ShouldBe(version);
            var fields = new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = StaffClient.AntiforgeryToken(html),
                ["trigger"] = trigger,
                ["version"] = version.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (name, value) in args) fields[$"args[{name}]"] = value;
            forms.Add(new FormUrlEncodedContent(fields));
        }

        var action = new Uri(page + "?handler=Action", UriKind.Relative);
        var answers = await Task.WhenAll(clerk.On(nodes.A).PostAsync(action, forms[0]), reviewer.On(nodes.B).PostAsync(action, forms[1]));

        var won = answers.Where(a => a.StatusCode == HttpStatusCode.Redirect).ShouldHaveSingleItem($"{trigger}: {Describe(answers)}");
        won.Location().ShouldBe(page);
        var lost = answers.Single(a => a != won);
        lost.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, trigger);
        (await lost.Content.ReadAsStringAsync()).ShouldContain("Someone else changed this request while you had it open.");
        var (_, newVersion, state) = await nodes.RequestAsync(trackingNumber);
        state.ShouldBe(expectedState);
        newVersion.ShouldBe(version + 1, trigger);
        (await nodes.CountAsync("""SELECT count(*) FROM "Journal" WHERE "RequestId" = @id AND "Trigger" = @trigger""", ("id", id), ("trigger", trigger)))
            .ShouldBe(1, trigger);
        // Both attempts are in the audit trail (its outcome is encrypted: "done", and "refused: someone else changed …").
        (await nodes.CountAsync("""SELECT count(*) FROM "Audit" WHERE "RequestId" = @id AND "Action" = @action""", ("id", id), ("action", "Action:" + trigger)))
            .ShouldBe(2, trigger);
    }

    [Fact]
    public async Task EachEmail_IsSentOnce_WhileBothNodesAndAWorkerRunJobs()
    {
        const int Requests = 20;
        var client = new BackgroundJobClient(nodes.Jobs);
        var addresses = Enumerable.Range(1, Requests).Select(i => $"requester{i}.{Guid.NewGuid():N}@example.com").ToList();
        var trackingNumbers = new List<string>();
        // Four people at a time, half of them on each node; each request's acknowledgement is an outbox row.
        foreach (var batch in addresses.Chunk(4))
        {
            trackingNumbers.AddRange(await Task.WhenAll(batch.Select(async (address, i) =>
            {
                using var browser = new NodeBrowser();
                var answers = new Answers();
                answers.Patient["Patient.Email"] = address;
                answers.Release["Recipient.Email"] = address;
                var tracking = await browser.SubmitAsync(i % 2 == 0 ? nodes.A : nodes.B, answers);
                // The same rows dispatched twice more (as the outbox sweep or a retry would), so the three job servers race
                // for them rather than each taking a different job.
                foreach (var row in await OutboxRowsAsync([tracking]))
                {
                    client.Enqueue<OutboxDispatcher>(d => d.DispatchAsync(row.Id, CancellationToken.None));
                    client.Enqueue<OutboxDispatcher>(d => d.DispatchAsync(row.Id, CancellationToken.None));
                }

                return tracking;
            })));
        }

        await WaitUntilAsync(async () => (await OutboxRowsAsync(trackingNumbers)).All(r => r.Processed), "every outbox row processed");
        var monitoring = nodes.Jobs.GetMonitoringApi();
        await WaitUntilAsync(() => Task.FromResult(monitoring.EnqueuedCount("default") == 0 && monitoring.ProcessingCount() == 0),
            "no dispatch job left to run");

        var rows = await OutboxRowsAsync(trackingNumbers);
        rows.Count.ShouldBe(Requests);
        rows.ShouldAllBe(r => r.Type == "Received" && r.Attempts == 1 && r.Note == null && r.LastError == null);
        var received = ReceivedMessages();
        // Nothing went twice, from any test of the run: every Message-Id (the outbox row's id) once.
        received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
        foreach (var address in addresses)
            received.Count(m => m.To.Mailboxes.Any(to => to.Address == address)).ShouldBe(1, address);
        received.Select(m => m.MessageId).ShouldBeSubsetOf(await AllSentMessageIdsAsync());
        foreach (var row in rows) received.Count(m => m.MessageId == $"{row.Id:N}@backoffice").ShouldBe(1);
        var claimedElsewhere = nodes.All.Sum(n => n.Lines.Count(l => l.Contains("was claimed by another worker", StringComparison.Ordinal)));
        var sentBy = nodes.All.Select(n => $"{n.Name} {n.Lines.Count(l => l.Contains("E-mail \"", StringComparison.Ordinal) && l.Contains(" sent through ", StringComparison.Ordinal))}");
        output.WriteLine($"{received.Count} messages received; sent by {string.Join(", ", sentBy)}; {claimedElsewhere} dispatches found their row claimed by another worker");
        nodes.ErrorsLogged().ShouldBeEmpty();
    }

    private sealed record OutboxRow(Guid Id, string Type, bool Processed, int Attempts, string? Note, string? LastError);

    private Task<List<OutboxRow>> OutboxRowsAsync(IReadOnlyCollection<string> trackingNumbers) =>
        nodes.QueryAsync("""
            SELECT o."Id", o."Type", o."ProcessedAt" IS NOT NULL, o."Attempts", o."Note", o."LastError"
            FROM "Outbox" o JOIN "Requests" r ON r."Id" = o."RequestId"
            WHERE r."TrackingNumber" = ANY(@tracking) AND o."Kind" <> 'Document'
            """,
            r => new OutboxRow(r.GetGuid(0), r.GetString(1), r.GetBoolean(2), r.GetInt32(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)),
            ("tracking", trackingNumbers.ToArray()));

    private async Task<HashSet<string>> AllSentMessageIdsAsync() =>
        [.. await nodes.QueryAsync("""SELECT "Id" FROM "Outbox" WHERE "ProcessedAt" IS NOT NULL AND "Note" IS NULL AND "Kind" <> 'Document'""",
            r => $"{r.GetGuid(0):N}@backoffice")];

    private List<MimeMessage> ReceivedMessages() => [.. nodes.Smtp.Received.Select(m => m.Message)];

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new ShouldAssertException($"not within {Patience.TotalSeconds} s: {what}\n{nodes.Logs()}");
            await Task.Delay(200);
        }
    }

    private static int ShownVersion(string html)
    {
        var match = VersionPattern().Match(html);
        match.Success.ShouldBeTrue("the request page shows no version in its action forms");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string Describe(IEnumerable<HttpResponseMessage> answers) =>
        string.Join("; ", answers.Select(a => $"{(int)a.StatusCode} {a.Headers.Location}"));

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
