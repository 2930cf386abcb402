using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.EmailContent;

/// <summary>
/// Renders messages for the department's staff mailbox (<c>BackOffice:Notifications:StaffMailbox</c>) from the
/// message templates: one per staff event (an outbox row of kind StaffMessage, e.g. "DueWarning", "Overdue",
/// "PickupCallNeeded", "PickupFollowUp", "PortalLinkExpired") and the daily digest of requests due within 5 days and
/// overdue. Null when no staff mailbox is configured (or, for the digest, when nothing is due).
/// </summary>
public interface IStaffMessageComposer
{
    /// <summary>The staff message for one event, from its facts (<see cref="MessageFacts"/>) or the request as it is now.</summary>
    Task<ComposedMessage?> ComposeAsync(Guid requestId, string messageType, MessageFacts? facts = null, CancellationToken cancellationToken = default);

    Task<ComposedMessage?> ComposeDigestAsync(DateOnly day, CancellationToken cancellationToken = default);
}
