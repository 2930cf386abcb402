using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using BackOffice.Web.RequesterApi;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Webhooks;

/// <summary>
/// Posts status events to requester organisations' webhooks, signed (<see cref="WebhookSignature"/>). A status event is
/// an outbox row (<see cref="OutboxKind.Webhook"/>) the outbox dispatcher hands here: delivered at least once — a
/// failure (no answer, or not 2xx) throws, so the outbox retries it after 1, 2, 4, 8 minutes and makes it an incident
/// after the last attempt —, and the event id stays the same on every attempt, so the receiver can act on it once.
/// Every attempt is written to the organisation's delivery log. The secret is kept protected by Data Protection.
/// </summary>
public sealed class WebhookSender(BackOfficeDbContext db, WriteGate gate, IHttpClientFactory clients, IDataProtectionProvider protection, TimeProvider time,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";
    public const string NoWebhook = "The organization has no webhook; not sent.";
    private const string Purpose = "BackOffice.Webhooks.Secret";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Protect(string secret) => protection.CreateProtector(Purpose).Protect(secret);

    /// <summary>Posts the status event of an outbox row; null when delivered, else why nothing was sent. Throws when the receiver failed.</summary>
    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = await db.Requests.AsNoTracking().Where(r => r.Id == message.RequestId)
            .Select(r => new { r.TrackingNumber, r.RequesterOrganisationId }).SingleAsync(cancellationToken);
        var organisation = request.RequesterOrganisationId is { } id
            ? await db.RequesterOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            : null;
        if (organisation?.WebhookUrl is null) return NoWebhook;

        var (status, error) = await PostAsync(organisation, new WebhookEvent(message.Id, message.Type, message.CreatedAt,
            new WebhookEventData(request.TrackingNumber, RequesterApiEndpoints.RequestPath(request.TrackingNumber))), cancellationToken);
        if (status is >= 200 and < 300) return null;
        throw new WebhookFailedException(error ?? $"The webhook answered {status}.");
    }

    /// <summary>A test event ("send test event"): posted once, now, and logged; the outcome is returned, not retried.</summary>
    public Task<(int? Status, string? Error)> SendTestAsync(RequesterOrganisation organisation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return PostAsync(organisation, new WebhookEvent(Guid.CreateVersion7(), WebhookEvents.Test, time.GetUtcNow(), new WebhookEventData(null, null)),
            cancellationToken);
    }

    private async Task<(int? Status, string? Error)> PostAsync(RequesterOrganisation organisation, WebhookEvent webhookEvent,
        CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(webhookEvent, Json);
        var secret = protection.CreateProtector(Purpose).Unprotect(organisation.ProtectedWebhookSecret!);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var id = webhookEvent.Id.ToString();
        using var post = new HttpRequestMessage(HttpMethod.Post, organisation.WebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        post.Headers.Add(WebhookSignature.IdHeader, id);
        post.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        post.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, id, timestamp, body));

        var watch = Stopwatch.StartNew();
        int? status = null;
        string? error = null;
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(post, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"The webhook answered {status}.";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            error = e is TaskCanceledException ? "The webhook did not answer in time." : $"The webhook could not be reached: {e.Message}";
        }

        var delivery = WebhookDelivery.Record(organisation.Id, webhookEvent.Id, webhookEvent.Type, webhookEvent.Data.TrackingNumber, time.GetUtcNow(),
            status, error, watch.Elapsed);
        db.WebhookDeliveries.Add(delivery);
        await gate.SaveChangesAsync(db, CancellationToken.None);
        db.Entry(delivery).State = EntityState.Detached;
        logger.LogInformation("Webhook event {EventId} ({EventType}) to organization {OrganisationId}: {Status}",
            webhookEvent.Id, webhookEvent.Type, organisation.Id, status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer");
        return (status, error);
    }
}

/// <summary>The receiver did not take the event (no answer, or not 2xx): the outbox tries again later.</summary>
public sealed class WebhookFailedException : Exception
{
    public WebhookFailedException() { }

    public WebhookFailedException(string message) : base(message) { }

    public WebhookFailedException(string message, Exception innerException) : base(message, innerException) { }
}
