using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Portal;

/// <summary>
/// Handles the one outbox message this issue needs, <c>RequesterMessage/PublishedToPortal</c>, exactly once: a
/// processed row is skipped, and the grant's unique outbox id stops a second link. Every other row is left
/// unprocessed for the notification jobs still to come.
/// </summary>
public sealed class PortalOutboxHandler(BackOfficeDbContext db, PortalLinkIssuer issuer, TimeProvider time, ILogger<PortalOutboxHandler> logger)
{
    public const string MessageType = "PublishedToPortal";
    public const int MaxAttempts = 10;

    public static IQueryable<OutboxMessage> Pending(IQueryable<OutboxMessage> outbox) =>
        outbox.Where(o => o.ProcessedAt == null && o.Kind == OutboxKind.RequesterMessage && o.Type == MessageType && o.Attempts < MaxAttempts);

    /// <summary>Processes the row if it is a pending portal message; true when it was handled now.</summary>
    public async Task<bool> HandleAsync(Guid outboxMessageId, CancellationToken cancellationToken = default)
    {
        var message = await Pending(db.Outbox).SingleOrDefaultAsync(o => o.Id == outboxMessageId, cancellationToken);
        if (message is null) return false;
        try
        {
            var outcome = await issuer.IssueAsync(message.RequestId, message.Id, cancellationToken);
            message.Attempts++;
            message.ProcessedAt = time.GetUtcNow();
            message.LastError = outcome switch
            {
                PortalIssue.NotPublished => "The request was no longer on the portal; no link was sent.",
                PortalIssue.NoEmailAddress => "No e-mail address on file; the portal link was not sent.",
                _ => null,
            };
            await db.SaveChangesAsync(cancellationToken);
            if (message.LastError is not null) logger.LogWarning("Portal link for request {RequestId}: {Problem}", message.RequestId, message.LastError);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Forget half-made changes (an unsaved grant) and count the failed attempt; the sweep retries it.
            logger.LogError(ex, "Portal link for request {RequestId} failed (outbox {OutboxId})", message.RequestId, message.Id);
            db.ChangeTracker.Clear();
            await db.Outbox.Where(o => o.Id == outboxMessageId).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                .SetProperty(o => o.LastError, Truncate(ex.Message)), cancellationToken);
            return false;
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
