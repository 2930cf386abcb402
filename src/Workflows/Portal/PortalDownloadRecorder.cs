using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Portal;

/// <summary>
/// Every portal download is a disclosure. The first one moves the request through the lifecycle
/// (trigger <c>Downloaded</c>, whose activity logs the disclosure and completes the request); later ones,
/// while the link is still open, add a disclosure row of their own.
/// </summary>
public sealed class PortalDownloadRecorder(BackOfficeDbContext db, LifecycleEngine engine, DepartmentClock clock)
{
    public const string PublishedState = "PublishedToPortal";
    public const string CompletedState = "Completed";
    public const string DownloadedTrigger = "Downloaded";
    public const string Method = "Portal";

    /// <summary>Whether the request is in a state where its portal link may serve the package.</summary>
    public static bool Serves(RecordsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.State is PublishedState or CompletedState;
    }

    public async Task RecordAsync(Guid grantId, CancellationToken cancellationToken = default)
    {
        // Two downloads at once may race to fire the trigger (the loser records a plain disclosure instead), or a
        // code check may change the grant meanwhile: read both again and record once more.
        try
        {
            await RecordOnceAsync(grantId, cancellationToken);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await RecordOnceAsync(grantId, cancellationToken);
        }
    }

    private async Task RecordOnceAsync(Guid grantId, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var grant = await db.PortalGrants.SingleAsync(g => g.Id == grantId, cancellationToken);
        grant.RecordDownload(now);
        var request = await engine.LoadAsync(grant.RequestId, cancellationToken);
        if (request.State == PublishedState)
        {
            // The engine's commit saves the grant's count in the same transaction as the new state.
            await engine.FireAsync(request, DownloadedTrigger, Actor.Requester(RequesterName(request)), TriggerArgs.None, cancellationToken);
            return;
        }

        db.Disclosures.Add(Disclosure.For(request, Method, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string RequesterName(RecordsRequest request) =>
        string.IsNullOrWhiteSpace(request.Recipient.Name) ? request.Requester.Name : request.Recipient.Name;
}
