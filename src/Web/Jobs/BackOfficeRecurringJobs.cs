using BackOffice.Workflows.Retention;
using Hangfire;

namespace BackOffice.Web.Jobs;

/// <summary>
/// The recurring jobs, registered at every start (AddOrUpdate is idempotent, so each node may do it). Times are in the
/// department's zone. Jobs carry no arguments: each reads what is due from the database, so a run missed while the
/// app was down is made up by the next one. Another recurring job is one more line here.
/// </summary>
public static class BackOfficeRecurringJobs
{
    public const string TimerSweep = "timer-sweep";
    public const string OutboxSweep = "outbox-sweep";
    public const string UnfinishedAttempts = "unfinished-attempts";
    public const string StaffDigest = "staff-digest";
    public const string MailingBatch = "mailing-batch";
    public const string AbandonedUploads = "abandoned-uploads";
    public const string Retention = "retention";

    public static void Register(IRecurringJobManager jobs, JobsOptions options, TimeZoneInfo zone, RetentionOptions? retention = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var local = new RecurringJobOptions { TimeZone = zone };
        var digest = options.DigestTime();
        jobs.AddOrUpdate<TimerSweepJob>(TimerSweep, j => j.RunAsync(CancellationToken.None), Cron.Minutely(), local);
        jobs.AddOrUpdate<OutboxSweepJob>(OutboxSweep, j => j.RunAsync(CancellationToken.None), Cron.Minutely(), local);
        jobs.AddOrUpdate<IncidentEscalationJob>(UnfinishedAttempts, j => j.RunAsync(CancellationToken.None), Cron.Minutely(), local);
        jobs.AddOrUpdate<AbandonedUploadsJob>(AbandonedUploads, j => j.RunAsync(CancellationToken.None), Cron.Hourly(), local);
        jobs.AddOrUpdate<StaffDigestJob>(StaffDigest, j => j.RunAsync(CancellationToken.None), Cron.Daily(digest.Hour, digest.Minute), local);
        var purge = (retention ?? new RetentionOptions()).RunTime();
        jobs.AddOrUpdate<RetentionJob>(Retention, j => j.RunAsync(CancellationToken.None), Cron.Daily(purge.Hour, purge.Minute), local);
        if (options.MailingBatchTime() is { } mailing)
            jobs.AddOrUpdate<MailingBatchJob>(MailingBatch, j => j.RunAsync(CancellationToken.None), $"{mailing.Minute} {mailing.Hour} * * 1-5", local);
        else
            jobs.RemoveIfExists(MailingBatch);
    }
}
