using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Tests.Support;
using BackOffice.Web.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackOffice.Web.Tests.RequesterApi;

/// <summary>
/// An organisation's webhook as a receiver should be written: a real HTTP server on loopback that checks each event's
/// signature and timestamp, answers 500 for the first <see cref="FailFirst"/> posts, and acts on each event id once
/// however often it arrives.
/// </summary>
public sealed partial class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _posts;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";
    /// <summary>The signing secret the app showed when the webhook was set.</summary>
    public string Secret { get; set; } = "";
    public int FailFirst { get; set; }
    public ConcurrentQueue<ReceivedEvent> Received { get; } = new();
    /// <summary>The events acted on: one per event id.</summary>
    public ConcurrentDictionary<string, string> Applied { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/events", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var id = http.Request.Headers[WebhookSignature.IdHeader].ToString();
            var timestamp = long.TryParse(http.Request.Headers[WebhookSignature.TimestampHeader], out var t) ? t : 0;
            var valid = receiver.Secret.Length > 0 && WebhookSignature.Verify(receiver.Secret, id, timestamp, body,
                http.Request.Headers[WebhookSignature.SignatureHeader].ToString())
                && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) < 300;
            receiver.Received.Enqueue(new ReceivedEvent(id, body, valid));
            if (!valid) return Results.StatusCode(StatusCodes.Status401Unauthorized);
            if (Interlocked.Increment(ref receiver._posts) <= receiver.FailFirst) return Results.StatusCode(StatusCodes.Status500InternalServerError);
            receiver.Applied.TryAdd(id, body); // deduplicated by event id: a redelivery changes nothing
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/events";
        return receiver;
    }

    /// <summary>Sets this receiver as the organisation's webhook on its page, as a supervisor does, and keeps the secret shown.</summary>
    /// <returns>The organisation's page.</returns>
    public async Task<string> SetForAsync(HttpClient supervisor, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        var page = $"/Staff/Organisations/Details/{organisationId}";
        var set = await supervisor.PostFormAsync(page, [new("WebhookUrl", Url)], page + "?handler=Webhook");
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await set.Content.ReadAsStringAsync();
        Secret = WebUtility.HtmlDecode(IssuedSecret().Match(html).Groups["secret"].Value);
        Secret.ShouldStartWith("whsec_", customMessage: html);
        return page;
    }

    [GeneratedRegex("<code id=\"webhook-secret\">(?<secret>[^<]+)</code>")]
    private static partial Regex IssuedSecret();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed record ReceivedEvent(string Id, string Body, bool SignatureValid);
