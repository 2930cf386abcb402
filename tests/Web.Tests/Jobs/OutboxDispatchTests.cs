using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Status;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>The outbox dispatch job: each row carried out at most once, failures retried and then handed to staff.</summary>
public sealed class OutboxDispatchTests : IAsyncDisposable
{
    private readonly JobsApp _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Dispatch_SendsTheRequesterMessageOnce_WhenTheJobRunsTwice()
    {
        var request = await _app.StartAsync();
        var row = await _app.RowAsync(request.Id, "Received");

        await _app.DispatchAsync(row.Id);
        await _app.DispatchAsync(row.Id);

        var sent = _app.Mail.Sent.ShouldHaveSingleItem();
        sent.To.ShouldBe(FakeRequesterComposer.Address);
        sent.Subject.ShouldBe("Your records request: Received");
        _app.Requester.Calls.ShouldBe([(request.Id, "Received")]);
        var after = await _app.RowAsync(row.Id);
        after.ProcessedAt.ShouldBe(_app.Time.GetUtcNow());
        after.Attempts.ShouldBe(1);
        after.Note.ShouldBeNull();
        after.HasOpenIncident.ShouldBeFalse();
    }

    private async Task<List<OutboxMessage>> ReceivedRowsAsync(int requests)
    {
        var rows = new List<OutboxMessage>();
        for (var i = 0; i < requests; i++) rows.Add(await _app.RowAsync((await _app.StartAsync()).Id, "Received"));
        return rows;
    }

    [Fact]
    public async Task DispatchBatch_SendsEachRowOnce_WithOneCommitForTheClaims_AndOneForTheOutcomes()
    {
        var rows = await ReceivedRowsAsync(4);
        var before = _app.Commits.Saves;

        await _app.DispatchBatchAsync([.. rows.Select(r => r.Id), rows[0].Id]);
        var commits = _app.Commits.Saves - before;
        await _app.DispatchBatchAsync([.. rows.Select(r => r.Id)]); // signalled twice, or picked up by the poll too

        commits.ShouldBe(2, "one for the four claims, one for the four outcomes (one by one it was eight)");
        _app.Mail.Sent.Count.ShouldBe(4);
        _app.Requester.Calls.Select(c => c.RequestId).ShouldBe(rows.Select(r => r.RequestId), ignoreOrder: true);
        foreach (var row in rows)
        {
            var after = await _app.RowAsync(row.Id);
            after.ProcessedAt.ShouldBe(_app.Time.GetUtcNow());
            after.Attempts.ShouldBe(1);
            after.ClaimId.ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task DispatchBatch_CarriesOutTheRowsItDoesNotTake_OneByOne_InTheSameCall()
    {
        var rows = await ReceivedRowsAsync(2);
        var request = await _app.StartAsync();
        await _app.Factory.FireAsync(request.Id, "RequestInformation", RequestScenarios.Clerk, ("missing", "Copy of photo ID"));
        var letter = await _app.RowAsync(request.Id, "MissingInformationLetter");

        await _app.DispatchBatchAsync([.. rows.Select(r => r.Id), letter.Id]);

        _app.Mail.Sent.Count.ShouldBe(2);
        _app.Renderer.Calls.ToList().ShouldBe([(request.Id, "MissingInformationLetter")], "a document row handed in with a batch is not left for the poll");
        (await _app.RowAsync(letter.Id)).ProcessedAt.ShouldNotBeNull();
        foreach (var row in rows) (await _app.RowAsync(row.Id)).ProcessedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task DispatchBatch_WhenOneSendFails_ReleasesThatRowForAnotherTry_AndRecordsTheOthersSent()
    {
        var rows = await ReceivedRowsAsync(3);
        _app.Mail.FailNext(1);

        await _app.DispatchBatchAsync([.. rows.Select(r => r.Id)]);

        _app.Mail.Sent.Count.ShouldBe(2);
        var after = await Task.WhenAll(rows.Select(r => _app.RowAsync(r.Id)));
        var failed = after.Where(r => r.ProcessedAt is null).ShouldHaveSingleItem();
        failed.ClaimId.ShouldBeNull();
        failed.LastError.ShouldNotBeNull().ShouldContain("Connection refused");
        failed.NextAttemptAt.ShouldBe(_app.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        failed.HasOpenIncident.ShouldBeFalse();
        after.Count(r => r.ProcessedAt is not null).ShouldBe(2);
    }

    [Fact]
    public async Task DispatchBatch_WhenTheDatabaseGoesAwayMidBatch_WritesEveryOutcomeOnceItIsBack_WithoutAnIncident()
    {
        var rows = await ReceivedRowsAsync(3);
        var outageStarted = false;
        _app.Mail.DuringSend = () =>
        {
            if (outageStarted) return;
            outageStarted = true;
            _app.Outage.Begin(TimeSpan.FromSeconds(0.8));
        };

        await _app.DispatchBatchAsync([.. rows.Select(r => r.Id)]);

        // The batch read its requests before the outage, so every message went; the outcomes' commit met the outage and
        // was written again until the database was back.
        _app.Outage.Refused.ShouldBeGreaterThan(0);
        _app.Mail.Sent.Count.ShouldBe(3);
        var after = await Task.WhenAll(rows.Select(r => _app.RowAsync(r.Id)));
        after.ShouldAllBe(r => !r.HasOpenIncident && r.Attempts == 1 && r.ProcessedAt != null);
        _app.Mail.DuringSend = null;
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await _app.DispatchBatchAsync([.. rows.Select(r => r.Id)]);
        _app.Mail.Sent.Count.ShouldBe(3, "each message once");
    }

    [Fact]
    public async Task DispatchBatch_WhenTheDatabaseGoesAwayRightAfterTheClaims_RecordsEachFailure_WithoutAnIncident()
    {
        var rows = await ReceivedRowsAsync(3);
        _app.Commits.AfterSave = () =>
        {
            _app.Commits.AfterSave = null; // the claims' commit
            _app.Outage.Begin(TimeSpan.FromSeconds(0.8));
        };

        await _app.DispatchBatchAsync([.. rows.Select(r => r.Id)]);

        _app.Outage.Refused.ShouldBeGreaterThan(0);
        _app.Mail.Sent.ShouldBeEmpty();
        var after = await Task.WhenAll(rows.Select(r => _app.RowAsync(r.Id)));
        after.ShouldAllBe(r => !r.HasOpenIncident && r.Attempts == 1 && r.ProcessedAt == null && r.ClaimId == null && r.NextAttemptAt != null,
            "each failure recorded and released for another try, none left claimed to become an incident");
    }

    [Fact]
    public async Task DispatchBatch_ReadsTheRequestsOfItsMessagesInOneQuery()
    {
        var rows = await ReceivedRowsAsync(4);
        _app.Commands.Clear();

        await _app.DispatchBatchAsync([.. rows.Select(r => r.Id)]);

        _app.Mail.Sent.Count.ShouldBe(4);
        _app.Commands.Queries.Count(q => q.Contains("FROM \"Requests\"", StringComparison.Ordinal)).ShouldBe(1, "one query for the four requests");
    }

    [Fact]
    public async Task TheCommit_WritesNoHangfireJob_AndHandsTheRowIdToThePump()
    {
        var request = await _app.StartAsync();
        var row = await _app.RowAsync(request.Id, "Received");

        // The outbox row is the durable record: nothing goes into Hangfire's store on the request path.
        _app.EnqueuedDispatches().ShouldNotContain(args => Equals(args[0], row.Id));
        var signalled = new List<Guid>();
        var channel = _app.Factory.Services.GetRequiredService<ChannelOutboxSignal>();
        while (channel.Reader.TryRead(out var id)) signalled.Add(id);
        signalled.ShouldContain(row.Id);
        (await _app.RowAsync(row.Id)).ProcessedAt.ShouldBeNull("no pump runs in this app, so nothing was sent");
        _app.Mail.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dispatch_WhenTheWorkerStopsMidSend_DoesNotSendAgain_AndRaisesAnIncidentAfterTheLease()
    {
        var request = await _app.StartAsync();
        var row = await _app.RowAsync(request.Id, "Received");
        _app.Mail.StopMidSend = true;

        await Should.ThrowAsync<OperationCanceledException>(() => _app.DispatchAsync(row.Id));
        await _app.DispatchAsync(row.Id); // the job runs again (Hangfire re-queued it, or the signal came twice)
        (await _app.RunAsync<OutboxSweepJob, int>(j => j.RunAsync())).ShouldBe(0);
        _app.Time.Advance(TimeSpan.FromMinutes(9));
        (await _app.RunAsync<IncidentEscalationJob, int>(j => j.RunAsync())).ShouldBe(0, "the lease (10 minutes) has not run out");
        _app.Time.Advance(TimeSpan.FromMinutes(2));
        (await _app.RunAsync<IncidentEscalationJob, int>(j => j.RunAsync())).ShouldBe(1);
        await _app.DispatchAsync(row.Id);
        _app.Time.Advance(TimeSpan.FromHours(1));
        (await _app.RunAsync<OutboxSweepJob, int>(j => j.RunAsync())).ShouldBe(0);

        _app.Mail.Sent.Count.ShouldBe(1);
        var after = await _app.RowAsync(row.Id);
        after.HasOpenIncident.ShouldBeTrue();
        after.IncidentReason.ShouldNotBeNull().ShouldContain("may or may not have been sent");
        after.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_WhenTheDatabaseIsGoneForAMomentAfterTheSend_RecordsTheSendOnceItIsBack_NotAnIncident()
    {
        // Found by the fault program (bench/Intake.Faults, PostgreSQL restarted mid-load): the outcome could not be
        // written, the claim stayed, and a message that had gone out became "may or may not have been sent".
        var request = await _app.StartAsync();
        var row = await _app.RowAsync(request.Id, "Received");
        _app.Mail.DuringSend = () => _app.Outage.Begin(TimeSpan.FromSeconds(0.8));

        await _app.DispatchAsync(row.Id);

        _app.Outage.Refused.ShouldBeGreaterThan(0, "the outcome was first written while the database was gone");
        _app.Mail.Sent.Count.ShouldBe(1);
        var after = await _app.RowAsync(row.Id);
        after.ProcessedAt.ShouldNotBeNull();
        after.Attempts.ShouldBe(1);
        after.HasOpenIncident.ShouldBeFalse();
        _app.Time.Advance(TimeSpan.FromHours(1));
        (await _app.RunAsync<IncidentEscalationJob, int>(j => j.RunAsync())).ShouldBe(0);
        (await _app.RunAsync<OutboxSweepJob, int>(j => j.RunAsync())).ShouldBe(0);
        _app.Mail.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Dispatch_WhenSendingFailsWhileTheDatabaseIsGoneForAMoment_ReleasesTheRowForAnotherTry_NotAnIncident()
    {
        // Nothing went out, so the row must be tried again by itself, not handed to staff as "may or may not have been sent".
        var request = await _app.StartAsync();
        var row = await _app.RowAsync(request.Id, "Received");
        _app.Mail.Down = true;
        _app.Mail.DuringSend = () => _app.Outage.Begin(TimeSpan.FromSeconds(0.8));

        await _app.DispatchAsync(row.Id);

        _app.Outage.Refused.ShouldBeGreaterThan(0, "the failure was first written while the database was gone");
        var failed = await _app.RowAsync(row.Id);
        failed.ClaimId.ShouldBeNull();
        failed.LastError.ShouldNotBeNull().ShouldContain("Connection refused");
        failed.NextAttemptAt.ShouldBe(_app.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        failed.HasOpenIncident.ShouldBeFalse();
        _app.Mail.Down = false;
        _app.Mail.DuringSend = null;
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        (await _app.RunAsync<OutboxSweepJob, int>(j => j.RunAsync())).ShouldBe(1);
        await _app.DispatchAsync(row.Id);
        _app.Mail.Sent.ShouldHaveSingleItem();
        (await _app.RowAsync(row.Id)).Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Dispatch_WhenSendingFails_RetriesWithGrowingPauses_ThenRaisesAnIncident()
    {
        var request = await _app.StartAsync();
        var row = await _app.RowAsync(request.Id, "Received");
        _app.Mail.Down = true;
        var pauses = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await _app.DispatchAsync(row.Id);
            var failed = await _app.RowAsync(row.Id);
            failed.Attempts.ShouldBe(attempt);
            failed.LastError.ShouldNotBeNull().ShouldContain("Connection refused");
            failed.ClaimId.ShouldBeNull();
            if (attempt == 5) break;
            failed.HasOpenIncident.ShouldBeFalse();
            var pause = failed.NextAttemptAt!.Value - _app.Time.GetUtcNow();
            pauses.Add(pause);
            await _app.DispatchAsync(row.Id); // too early: nothing happens
            (await _app.RowAsync(row.Id)).Attempts.ShouldBe(attempt);
            _app.Time.Advance(pause);
            (await _app.RunAsync<OutboxSweepJob, int>(j => j.RunAsync())).ShouldBe(1, "the sweep enqueues the row when its pause is over");
        }

        pauses.ShouldBe([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8)]);
        var incident = await _app.RowAsync(row.Id);
        incident.HasOpenIncident.ShouldBeTrue();
        incident.IncidentReason.ShouldNotBeNull().ShouldStartWith("Failed 5 times. Last error: IOException: Connection refused");
        _app.Mail.Down = false;
        _app.Time.Advance(TimeSpan.FromHours(1));
        await _app.DispatchAsync(row.Id);
        (await _app.RunAsync<OutboxSweepJob, int>(j => j.RunAsync())).ShouldBe(0, "an incident waits for staff");
        _app.Mail.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dispatch_WithNoAddressOnFile_MarksTheRowDoneWithANote_NotAnIncident()
    {
        var request = await _app.StartAsync();
        _app.Requester.NoAddress[request.Id] = true;
        var row = await _app.RowAsync(request.Id, "Received");

        await _app.DispatchAsync(row.Id);

        _app.Mail.Sent.ShouldBeEmpty();
        var after = await _app.RowAsync(row.Id);
        after.ProcessedAt.ShouldNotBeNull();
        after.Note.ShouldBe(OutboxDispatcher.NoRequesterAddress);
        after.HasOpenIncident.ShouldBeFalse();
    }

    [Fact]
    public async Task Dispatch_StoresADocumentRowsPdf_OnceAsAGeneratedDocument()
    {
        var request = await _app.StartAsync();
        await _app.Factory.FireAsync(request.Id, "RequestInformation", RequestScenarios.Clerk, ("missing", "Copy of photo ID"));
        var row = await _app.RowAsync(request.Id, "MissingInformationLetter");
        row.Kind.ShouldBe(OutboxKind.Document);

        await _app.DispatchAsync(row.Id);
        await _app.DispatchAsync(row.Id);

        _app.Renderer.Calls.ShouldBe([(request.Id, "MissingInformationLetter")]);
        var documents = await _app.Factory.QueryAsync(db => db.Documents.AsNoTracking()
            .Where(d => d.RequestId == request.Id && d.Kind == DocumentKind.Generated).ToListAsync());
        var document = documents.ShouldHaveSingleItem();
        document.FileName.ShouldBe("MissingInformationLetter.pdf");
        document.ContentType.ShouldBe("application/pdf");
        var stored = Path.Combine(_app.Factory.DataDirectory, "documents", document.StorageKey);
        _app.Factory.ReadStoredFile(stored).ShouldBe(FakeDocumentRenderer.PdfOf("MissingInformationLetter"));
        Directory.GetFiles(Path.Combine(_app.Factory.DataDirectory, "documents"), "*", SearchOption.AllDirectories).Length.ShouldBe(1);
        var after = await _app.RowAsync(row.Id);
        after.ProcessedAt.ShouldNotBeNull();
        after.Attempts.ShouldBe(1);
        _app.Mail.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dispatch_SendsStaffMessages_ThroughTheStaffComposer()
    {
        var request = await _app.StartAsync();
        _app.Time.Advance(TimeSpan.FromDays(20));
        await _app.RunAsync<TimerSweepJob, int>(j => j.RunAsync());
        var row = await _app.RowAsync(request.Id, "DueWarning");
        row.Kind.ShouldBe(OutboxKind.StaffMessage);

        await _app.DispatchAsync(row.Id);

        _app.Staff.Calls.ShouldBe([(request.Id, "DueWarning")]);
        _app.Requester.Calls.ShouldNotContain(c => c.Type == "DueWarning");
        var sent = _app.Mail.Sent.ShouldHaveSingleItem();
        sent.To.ShouldBe(FakeStaffComposer.Mailbox);
        sent.Subject.ShouldBe("Staff: DueWarning");
    }
}
