namespace BackOffice.Workflows.Lifecycle;

public enum OutboxKind
{
    RequesterMessage,
    StaffMessage,
    Document,
    /// <summary>A signed status event posted to a requester organisation's webhook (no health information).</summary>
    Webhook,
}
