namespace BackOffice.Web.Webhooks;

/// <summary>What is posted: the event's id, type and time, and the request it is about — its tracking number and where
/// to read it. Never the patient or anything from the records.</summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset CreatedAt, WebhookEventData Data);

public sealed record WebhookEventData(string? TrackingNumber, string? Location);
