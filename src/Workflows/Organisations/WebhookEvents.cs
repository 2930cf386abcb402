namespace BackOffice.Workflows.Organisations;

/// <summary>
/// The status events a requester organisation's webhook receives, by the state its request entered: each carries an
/// id, a time, the tracking number and the state, never health information. States not listed (the department's
/// internal steps) send nothing.
/// </summary>
public static class WebhookEvents
{
    public const string Received = "request.received";
    public const string NeedsInformation = "request.needs_information";
    public const string InvoiceIssued = "request.invoice_issued";
    public const string Released = "request.released";
    public const string Completed = "request.completed";
    public const string Cancelled = "request.cancelled";
    public const string Denied = "request.denied";
    public const string Redirected = "request.redirected";
    /// <summary>Sent by a supervisor's "send test event" only.</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> All = [Received, NeedsInformation, InvoiceIssued, Released, Completed, Cancelled, Denied, Redirected];

    /// <summary>The event for entering <paramref name="state"/>, or null.</summary>
    public static string? ForState(string state) => state switch
    {
        "Received" => Received,
        "NeedsInformation" => NeedsInformation,
        "AwaitingPayment" => InvoiceIssued,
        "Mailed" or "SentSecurely" or "PublishedToPortal" or "AwaitingPickup" => Released,
        "Completed" => Completed,
        "Cancelled" => Cancelled,
        "Denied" => Denied,
        "Redirected" => Redirected,
        _ => null,
    };
}
