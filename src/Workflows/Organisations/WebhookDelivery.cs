namespace BackOffice.Workflows.Organisations;

/// <summary>
/// One attempt to post an event to an organisation's webhook, kept for the delivery log on the organisation's page:
/// which event, when, what the receiver answered (or why nothing came back) and how long it took.
/// </summary>
public sealed class WebhookDelivery
{
    public const int ErrorMaxLength = 500;

    private WebhookDelivery() { }

    public long Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    /// <summary>The event's id (the outbox row's for a status event): the receiver deduplicates on it.</summary>
    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";
    public string? TrackingNumber { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public int DurationMs { get; private set; }
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public static WebhookDelivery Record(Guid organisationId, Guid eventId, string eventType, string? trackingNumber, DateTimeOffset at,
        int? statusCode, string? error, TimeSpan duration) => new()
        {
            OrganisationId = organisationId,
            EventId = eventId,
            EventType = eventType,
            TrackingNumber = trackingNumber,
            At = at,
            StatusCode = statusCode,
            Error = error is null ? null : error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength],
            DurationMs = (int)Math.Min(int.MaxValue, Math.Max(0, duration.TotalMilliseconds)),
        };
}
