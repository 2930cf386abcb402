namespace BackOffice.Web.Webhooks;

/// <summary>Requester organisations' webhooks (<c>BackOffice:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "BackOffice:Webhooks";

    /// <summary>
    /// Allow webhook addresses on loopback and private networks, and plain http to them: for tests and a receiver on the
    /// department's own network only. Off, a webhook must be https on a public address (checked when it is set and again
    /// at every connection, so a name later pointed inside the network is refused).
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How long the receiver has to answer an event.</summary>
    public double TimeoutSeconds { get; set; } = 10;
}
