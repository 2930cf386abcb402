using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.PatientAccess;

/// <summary>
/// Sends the link for a <c>RequesterMessage/PublishedToPortal</c> outbox row; the outbox dispatcher claims the row
/// before and records the outcome after. The grant is tied to the row's id (unique), so another attempt for the same
/// row reuses the grant with a new token and never opens a second link.
/// </summary>
public sealed class PortalOutboxHandler(PortalLinkIssuer issuer)
{
    public const string MessageType = "PublishedToPortal";

    /// <summary>Issues and e-mails the link; null when sent, else why nothing was sent.</summary>
    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outcome = await issuer.IssueAsync(message.RequestId, message.Id, cancellationToken);
        return outcome switch
        {
            PortalIssue.NotPublished => "The request was no longer on the portal; no link was sent.",
            PortalIssue.NoEmailAddress => "No e-mail address on file; the portal link was not sent.",
            _ => null,
        };
    }
}
