using System.Net;
using System.Text.Json;
using BackOffice.Web.Jobs;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Web.Webhooks;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.RequesterApi;

/// <summary>
/// Signed status events to an organisation's webhook: set on the organisation's page (secret shown once), posted from the
/// outbox for each state change, retried with the same event id until the receiver takes it (acted on once), an
/// incident after the last attempt, a test event, the delivery log; addresses inside the network refused.
/// </summary>
public sealed class WebhookTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new(new Dictionary<string, string?>
    {
        ["BackOffice:Webhooks:AllowPrivateAddresses"] = "true",
        ["BackOffice:Jobs:RetryDelaySeconds"] = "0",
        ["BackOffice:Jobs:MaxAttempts"] = "3",
    });

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<(RequesterOrganisation Organisation, string Key, HttpClient Supervisor, string Page)> WithWebhookAsync(WebhookReceiver receiver)
    {
        var (organisation, _, key) = await _factory.OrganisationWithKeyAsync();
        var supervisor = await _factory.SignedInAsync("supervisor");
        var page = await receiver.SetForAsync(supervisor, organisation.Id);
        return (organisation, key, supervisor, page);
    }

    private Task<List<OutboxMessage>> WebhookRowsAsync() =>
        _factory.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.Kind == OutboxKind.Webhook).OrderBy(o => o.CreatedAt).ToListAsync());

    private async Task DispatchAsync(Guid outboxId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(outboxId);
    }

    [Fact]
    public async Task EachStateChange_IsPostedSigned_WithTheTrackingNumberOnly_AndTheSecretIsStoredProtected()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (organisation, key, supervisor, page) = await WithWebhookAsync(receiver);
        using var api = _factory.ApiClient(key);
        var created = await api.SendAsync(RequesterApiClient.AttorneyForm());
        var number = (await created.JsonAsync()).GetProperty("trackingNumber").GetString()!;
        var request = await _factory.QueryAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.TrackingNumber == number));
        await _factory.FireAsync(request.Id, "Cancel", RequestScenarios.Clerk, ("reason", "The firm withdrew the request."));

        var rows = await WebhookRowsAsync();
        rows.Select(r => r.Type).ShouldBe([WebhookEvents.Received, WebhookEvents.Cancelled]);
        foreach (var row in rows) await DispatchAsync(row.Id);

        receiver.Received.Count.ShouldBe(2);
        receiver.Received.ShouldAllBe(e => e.SignatureValid);
        var events = receiver.Received.Select(e => JsonDocument.Parse(e.Body).RootElement).ToList();
        events.Select(e => e.GetProperty("type").GetString()).ShouldBe(["request.received", "request.cancelled"]);
        events.ShouldAllBe(e => e.GetProperty("data").GetProperty("trackingNumber").GetString() == number);
        receiver.Received.Select(e => e.Id).ShouldBe(rows.Select(r => r.Id.ToString()));
        receiver.Received.ShouldAllBe(e => !e.Body.Contains("Lopez") && !e.Body.Contains("1980"));
        var stored = await _factory.QueryAsync(db => db.RequesterOrganisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        stored.ProtectedWebhookSecret.ShouldNotBeNull();
        stored.ProtectedWebhookSecret.ShouldNotContain(receiver.Secret["whsec_".Length..]);
        (await WebhookRowsAsync()).ShouldAllBe(r => r.ProcessedAt != null && r.Note == null);

        var (_, html) = await supervisor.GetPageAsync(page);
        html.ShouldNotContain(receiver.Secret); // shown once
        html.ShouldContain("Delivered (200)");
        html.ShouldContain(number);
    }

    [Fact]
    public async Task AFailedPost_IsRetriedWithTheSameEventId_UntilTaken_AndActedOnOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (organisation, key, _, _) = await WithWebhookAsync(receiver);
        receiver.FailFirst = 2;
        using var api = _factory.ApiClient(key);
        (await api.SendAsync(RequesterApiClient.AttorneyForm())).StatusCode.ShouldBe(HttpStatusCode.Created);
        var row = (await WebhookRowsAsync()).Single();

        for (var attempt = 0; attempt < 3; attempt++) await DispatchAsync(row.Id);
        await DispatchAsync(row.Id); // a job run again after success sends nothing

        receiver.Received.Count.ShouldBe(3);
        receiver.Received.Select(e => e.Id).Distinct().ShouldBe([row.Id.ToString()]);
        receiver.Applied.Count.ShouldBe(1);
        var done = (await WebhookRowsAsync()).Single();
        done.ProcessedAt.ShouldNotBeNull();
        done.Attempts.ShouldBe(3);
        var log = await _factory.QueryAsync(db => db.WebhookDeliveries.AsNoTracking().Where(d => d.OrganisationId == organisation.Id).OrderBy(d => d.Id).ToListAsync());
        log.Select(d => d.StatusCode).ShouldBe([500, 500, 200]);
    }

    [Fact]
    public async Task APostFailingEveryAttempt_BecomesAnIncident()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, key, _, _) = await WithWebhookAsync(receiver);
        receiver.FailFirst = int.MaxValue;
        using var api = _factory.ApiClient(key);
        (await api.SendAsync(RequesterApiClient.AttorneyForm())).StatusCode.ShouldBe(HttpStatusCode.Created);
        var row = (await WebhookRowsAsync()).Single();

        for (var attempt = 0; attempt < 5; attempt++) await DispatchAsync(row.Id);

        receiver.Received.Count.ShouldBe(3); // MaxAttempts, then nothing more until staff retry
        var failed = (await WebhookRowsAsync()).Single();
        failed.HasOpenIncident.ShouldBeTrue();
        failed.ProcessedAt.ShouldBeNull();
        failed.LastError!.ShouldContain("500");
    }

    [Fact]
    public async Task TheTestEventButton_PostsASignedTestEvent_AndTheDeliveryLogShowsIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, _, supervisor, page) = await WithWebhookAsync(receiver);

        var sent = await supervisor.PostFormAsync(page, [], page + "?handler=TestWebhook");

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, html) = await supervisor.GetPageAsync(page);
        html.ShouldContain("Test event delivered: the webhook answered 200.");
        html.ShouldContain("webhook.test");
        var received = receiver.Received.ShouldHaveSingleItem();
        received.SignatureValid.ShouldBeTrue();
        JsonDocument.Parse(received.Body).RootElement.GetProperty("type").GetString().ShouldBe("webhook.test");
    }

    [Fact]
    public async Task ARequestOfAnOrganisationWithoutAWebhook_QueuesNoEvent_AndNoAcknowledgement_TheAnswerIsIt()
    {
        var (_, _, key) = await _factory.OrganisationWithKeyAsync();
        using var api = _factory.ApiClient(key);

        (await api.SendAsync(RequesterApiClient.AttorneyForm())).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await _factory.QueryAsync(db => db.Requests.AsNoTracking().CountAsync())).ShouldBe(1);
        (await _factory.QueryAsync(db => db.Outbox.AsNoTracking().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AnEventQueuedBeforeTheWebhookWasRemoved_IsMarkedDone_WithANote_AndNotPosted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, key, supervisor, page) = await WithWebhookAsync(receiver);
        using var api = _factory.ApiClient(key);
        (await api.SendAsync(RequesterApiClient.AttorneyForm())).StatusCode.ShouldBe(HttpStatusCode.Created);
        var row = (await WebhookRowsAsync()).Single();
        (await supervisor.PostFormAsync(page, [], page + "?handler=RemoveWebhook")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await DispatchAsync(row.Id);

        var done = (await WebhookRowsAsync()).Single();
        done.ProcessedAt.ShouldNotBeNull();
        done.Note.ShouldBe(WebhookSender.NoWebhook);
        receiver.Received.ShouldBeEmpty();
    }
}

/// <summary>Webhook addresses inside the network are refused when set and when connecting (no setting allows them here).</summary>
public sealed class WebhookAddressTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData("http://example.org/events", "must use https")]
    [InlineData("https://127.0.0.1/events", "private network")]
    [InlineData("https://10.1.2.3/events", "private network")]
    [InlineData("https://169.254.169.254/latest/meta-data", "private network")]
    [InlineData("https://[::1]/events", "private network")]
    [InlineData("https://user:pw@example.org/events", "user name")]
    [InlineData("ftp://example.org/events", "full https address")]
    public async Task AWebhookAddressInsideTheNetwork_OrNotHttps_IsRefusedNextToTheField(string url, string message)
    {
        var (organisation, _, _) = await _factory.OrganisationWithKeyAsync();
        using var supervisor = await _factory.SignedInAsync("supervisor");
        var page = $"/Staff/Organisations/Details/{organisation.Id}";

        var response = await supervisor.PostFormAsync(page, [new("WebhookUrl", url)], page + "?handler=Webhook");

        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), "WebhookUrl")!.ShouldContain(message);
        (await _factory.QueryAsync(db => db.RequesterOrganisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id))).WebhookUrl.ShouldBeNull();
    }

    [Fact]
    public async Task ANameThatNowPointsInside_IsNotConnectedTo()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (organisation, _, _) = await _factory.OrganisationWithKeyAsync();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            // As if the address was public when set and its name now resolves to loopback.
            var db = scope.ServiceProvider.GetRequiredService<Workflows.Persistence.BackOfficeDbContext>();
            var stored = await db.RequesterOrganisations.SingleAsync(o => o.Id == organisation.Id);
            stored.SetWebhook(receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal),
                scope.ServiceProvider.GetRequiredService<WebhookSender>().Protect(WebhookSignature.NewSecret()));
            await db.SaveChangesAsync();
            var (status, error) = await scope.ServiceProvider.GetRequiredService<WebhookSender>().SendTestAsync(stored, CancellationToken.None);
            status.ShouldBeNull();
            error!.ShouldContain("private network");
        }

        receiver.Received.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    public void OnlyPublicAddresses_ArePublic(string address, bool expected) =>
        WebhookAddresses.IsPublic(IPAddress.Parse(address)).ShouldBe(expected);
}
