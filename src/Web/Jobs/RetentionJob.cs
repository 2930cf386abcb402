using System.Globalization;
using BackOffice.Workflows;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Retention;
using BackOffice.Workflows.Time;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Daily at <see cref="RetentionOptions.RunAt"/> (department time): the retention policy (<see cref="RetentionPurge"/>), as
/// a dry run when <see cref="RetentionOptions.DryRun"/> is set. The day's run is claimed in <c>JobRuns</c> first, so with
/// several nodes (or a retried job) it runs once a day. A run that stops with an error gives the day back, so Hangfire's
/// retry carries on where it stopped (what was reduced is no longer due).
/// </summary>
public sealed class RetentionJob(BackOfficeDbContext db, RetentionPurge purge, DepartmentClock clock, WorkflowsOptions workflows,
    ILogger<RetentionJob> logger)
{
    public static string RunKey(DateOnly day) => "Retention:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>True when this call ran the policy; false when the day's run was already claimed.</summary>
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [JobDisplayName("Retention policy")]
    public async Task<bool> RunAsync(CancellationToken cancellationToken = default)
    {
        var day = clock.Today;
        var claim = JobRun.Start(RunKey(day), clock.Now);
        // Usually someone already did today's run (a retry, another node): said without a failed insert in the log. Two
        // at once both get past this; the key's uniqueness then lets one through.
        if (await db.Set<JobRun>().AnyAsync(r => r.Key == claim.Key, cancellationToken))
        {
            logger.LogInformation("The retention run of {Day} was already done or is under way", day);
            return false;
        }

        db.Set<JobRun>().Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<JobRun>().AnyAsync(r => r.Key == claim.Key, cancellationToken))
            {
                logger.LogInformation("The retention run of {Day} was already done or is under way", day);
                return false;
            }

            throw;
        }

        RetentionRun run;
        try
        {
            run = await purge.RunAsync(workflows.Retention.DryRun, Actor.System, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            await db.Set<JobRun>().Where(r => r.Key == claim.Key).ExecuteDeleteAsync(CancellationToken.None);
            logger.LogError(ex, "The retention run of {Day} stopped", day);
            throw;
        }

        // The purge works through this scope's context and leaves it empty: the claim is tracked again to be finished.
        db.ChangeTracker.Clear();
        db.Attach(claim);
        claim.Finish(clock.Now, run.Summary());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
