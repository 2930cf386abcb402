using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Status;
using BackOffice.Workflows.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Tests.Jobs;

/// <summary>The recurring jobs, called as the Hangfire server would call them.</summary>
public sealed class RecurringJobTests : IAsyncDisposable
{
    private readonly JobsApp _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task TimerSweep_FiresEveryTimerThatFellDueWhileTheAppWasDown()
    {
        var request = await _app.StartAsync();
        _app.Time.Advance(TimeSpan.FromDays(32)); // nothing ran for a month

        var fired = await _app.RunAsync<TimerSweepJob, int>(j => j.RunAsync());

        fired.ShouldBe(3);
        var outbox = await _app.Factory.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.RequestId == request.Id).ToListAsync());
        outbox.Count(o => o.Type == "DueWarning" && o.Kind == OutboxKind.StaffMessage).ShouldBe(2);
        outbox.Count(o => o.Type == "Overdue").ShouldBe(1);
        var timers = await _app.Factory.QueryAsync(db => db.Timers.AsNoTracking().Where(t => t.RequestId == request.Id).ToListAsync());
        timers.ShouldAllBe(t => t.Outcome == TimerOutcome.Fired);
        (await _app.RunAsync<TimerSweepJob, int>(j => j.RunAsync())).ShouldBe(0, "a fired timer does not fire again");
    }

    [Fact]
    public async Task TimerSweep_CarriesOnBatchAfterBatch_UntilNoneIsDue()
    {
        await using var app = new JobsApp(new Dictionary<string, string?> { ["BackOffice:Jobs:SweepBatchSize"] = "2" });
        for (var i = 0; i < 3; i++) await app.StartAsync();
        app.Time.Advance(TimeSpan.FromDays(21));

        (await app.RunAsync<TimerSweepJob, int>(j => j.RunAsync())).ShouldBe(3);
        (await app.Factory.QueryAsync(db => db.Outbox.CountAsync(o => o.Type == "DueWarning"))).ShouldBe(3);
    }

    [Fact]
    public async Task OutboxSweep_EnqueuesRowsWhoseSignalWasLost_AfterAGracePeriod()
    {
        var request = await _app.StartAsync();
        var row = await _app.RowAsync(request.Id, "Received");
        var before = _app.EnqueuedDispatches().Count;

        (await _app.RunAsync<OutboxSweepJob, int>(j => j.RunAsync())).ShouldBe(0, "the commit's own signal gets a minute first");
        _app.Time.Advance(OutboxSweepJob.SignalGrace);
        (await _app.RunAsync<OutboxSweepJob, int>(j => j.RunAsync())).ShouldBe(1);

        var enqueued = _app.EnqueuedDispatches();
        enqueued.Count.ShouldBe(before + 1);
        enqueued[^1][0].ShouldBe(row.Id);
    }

    [Fact]
    public async Task MailingBatch_MarksTheDaysMailRequestsMailed_AndMailsNobodyTwice()
    {
        var mail = await _app.StartAsync();
        await _app.Factory.ThroughReviewAsync(mail.Id, paperPages: 12);
        if ((await _app.Factory.LoadAsync(mail.Id)).BalanceDue > 0) await _app.Factory.PayInFullAsync(mail.Id);
        var notReady = await _app.StartAsync();

        var mailed = await _app.RunAsync<MailingBatchJob, int>(j => j.RunAsync());
        var again = await _app.RunAsync<MailingBatchJob, int>(j => j.RunAsync());

        mailed.ShouldBe(1);
        again.ShouldBe(0);
        (await _app.Factory.LoadAsync(mail.Id)).State.ShouldBe("Completed");
        (await _app.Factory.LoadAsync(notReady.Id)).State.ShouldBe("Received");
        var journal = await _app.Factory.QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.RequestId == mail.Id && j.Trigger == "Mail").ToListAsync());
        journal.ShouldHaveSingleItem().ActorId.ShouldBe(Actor.System.Id);
        Directory.GetFiles(Path.Combine(_app.Factory.DataDirectory, "mailing"), "*.pdf").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task StaffDigest_SendsOneMessageADay_EvenWhenTheJobRunsTwice()
    {
        var first = await _app.RunAsync<StaffDigestJob, bool>(j => j.RunAsync());
        var second = await _app.RunAsync<StaffDigestJob, bool>(j => j.RunAsync());

        first.ShouldBeTrue();
        second.ShouldBeFalse();
        var digest = _app.Mail.Sent.ShouldHaveSingleItem();
        digest.To.ShouldBe(FakeStaffComposer.Mailbox);
        _app.Staff.DigestDays.ShouldHaveSingleItem();
        var run = await _app.Factory.QueryAsync(db => db.Set<JobRun>().AsNoTracking().SingleAsync());
        run.FinishedAt.ShouldNotBeNull();
        run.Outcome.ShouldBe("Sent.");

        _app.Time.Advance(TimeSpan.FromDays(1));
        (await _app.RunAsync<StaffDigestJob, bool>(j => j.RunAsync())).ShouldBeTrue("the next day has its own digest");
        _app.Mail.Sent.Count.ShouldBe(2);
    }

    [Fact]
    public async Task StaffDigest_WhenTheSendFails_GivesTheDayBack_SoTheRetrySends()
    {
        _app.Mail.FailNext(1);

        await Should.ThrowAsync<IOException>(() => _app.RunAsync<StaffDigestJob, bool>(j => j.RunAsync()));
        (await _app.RunAsync<StaffDigestJob, bool>(j => j.RunAsync())).ShouldBeTrue();

        _app.Mail.Sent.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task StaffDigest_WithNothingToSend_SendsNothing()
    {
        _app.Staff.NothingDue = true;

        (await _app.RunAsync<StaffDigestJob, bool>(j => j.RunAsync())).ShouldBeFalse();

        _app.Mail.Sent.ShouldBeEmpty();
        (await _app.Factory.QueryAsync(db => db.Set<JobRun>().AsNoTracking().SingleAsync())).Outcome.ShouldNotBeNull().ShouldStartWith("Nothing to send");
    }
}
