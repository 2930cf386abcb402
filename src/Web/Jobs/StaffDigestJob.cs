using System.Globalization;
using BackOffice.Web.EmailContent;
using BackOffice.Web.EmailTransport;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Jobs;

/// <summary>
/// Daily (<see cref="JobsOptions.DigestAt"/>, department time): one e-mail to the staff mailbox listing requests due
/// within 5 days and overdue. The day's run is claimed in <c>JobRuns</c> first, so running the job twice sends once.
/// A run whose send fails gives the day back (and Hangfire retries); one that never finished is not repeated.
/// </summary>
public sealed class StaffDigestJob(BackOfficeDbContext db, IServiceProvider services, IEmailSender email, DepartmentClock clock,
    ILogger<StaffDigestJob> logger)
{
    public static string RunKey(DateOnly day) => "StaffDigest:" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Staff digest")]
    public async Task<bool> RunAsync(CancellationToken cancellationToken = default)
    {
        var day = clock.Today;
        var run = JobRun.Start(RunKey(day), clock.Now);
        db.Set<JobRun>().Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<JobRun>().AnyAsync(r => r.Key == run.Key, cancellationToken))
            {
                logger.LogInformation("The staff digest of {Day} was already sent or is being sent", day);
                return false;
            }

            throw;
        }

        ComposedMessage? digest;
        try
        {
            var composer = services.GetService<IStaffMessageComposer>()
                ?? throw new InvalidOperationException($"No {nameof(IStaffMessageComposer)} is registered, so the digest cannot be written.");
            digest = await composer.ComposeDigestAsync(day, cancellationToken);
            if (digest is not null) await email.SendAsync(new OutgoingEmail(digest.To, digest.Subject, digest.TextBody, digest.HtmlBody), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            await db.Set<JobRun>().Where(r => r.Key == run.Key).ExecuteDeleteAsync(CancellationToken.None);
            logger.LogError(ex, "The staff digest of {Day} was not sent", day);
            throw;
        }

        run.Finish(clock.Now, digest is null ? "Nothing to send (no staff mailbox, or nothing due)." : "Sent.");
        await db.SaveChangesAsync(cancellationToken);
        return digest is not null;
    }
}
