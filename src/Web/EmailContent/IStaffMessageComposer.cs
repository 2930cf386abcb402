namespace BackOffice.Web.EmailContent;

/// <summary>
/// Renders messages for the department's staff mailbox (<c>BackOffice:Notifications:StaffMailbox</c>) from the
/// message templates: one per staff event (an outbox row of kind StaffMessage, e.g. "DueWarning", "Overdue",
/// "PickupCallNeeded", "PickupFollowUp", "PortalLinkExpired") and the daily digest of requests due within 5 days and
/// overdue. Null when no staff mailbox is configured (or, for the digest, when nothing is due).
/// </summary>
public interface IStaffMessageComposer
{
    Task<ComposedMessage?> ComposeAsync(Guid requestId, string messageType, CancellationToken cancellationToken = default);

    Task<ComposedMessage?> ComposeDigestAsync(DateOnly day, CancellationToken cancellationToken = default);
}
