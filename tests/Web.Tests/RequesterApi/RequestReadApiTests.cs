using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Web.Tests.Portal;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Tests.RequesterApi;

/// <summary>Following requests through the API: one's own only (another organisation's answers 404), paged, documents, records.</summary>
public sealed class RequestReadApiTests : IAsyncDisposable
{
    private readonly PortalScenario _scenario = new();

    private BackOfficeFactory Factory => _scenario.Factory;

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private static async Task<string> CreatedAsync(HttpClient client, JsonObject form)
    {
        var response = await client.SendAsync(form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("trackingNumber").GetString()!;
    }

    [Fact]
    public async Task ARequest_IsShownToItsOrganisation_InPlainWords_AndIs404ForAnotherOrganisation()
    {
        var (_, _, mine) = await Factory.OrganisationWithKeyAsync("First LLP");
        var (_, _, theirs) = await Factory.OrganisationWithKeyAsync("Second LLP");
        using var client = Factory.ApiClient(mine);
        var number = await CreatedAsync(client, RequesterApiClient.AttorneyForm());

        var shown = await client.GetAsync(new Uri($"/api/v1/requests/{number.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}", UriKind.Relative));

        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await shown.JsonAsync();
        body.GetProperty("trackingNumber").GetString().ShouldBe(number);
        body.GetProperty("state").GetString().ShouldBe("Received");
        body.GetProperty("status").GetString().ShouldBe("We have received the request");
        body.GetProperty("delivery").GetString().ShouldBe("Mail");
        body.GetProperty("closed").GetBoolean().ShouldBeFalse();
        body.GetProperty("recordsAvailable").GetBoolean().ShouldBeFalse();
        body.GetProperty("invoice").ValueKind.ShouldBe(JsonValueKind.Null);
        body.GetRawText().ShouldNotContain("Lopez"); // the status is about the request, not the patient

        using var other = Factory.ApiClient(theirs);
        foreach (var path in new[] { $"/api/v1/requests/{number}", $"/api/v1/requests/{number}/records" })
        {
            var refused = await other.GetAsync(new Uri(path, UriKind.Relative));
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        (await other.PostAsync(new Uri($"/api/v1/requests/{number}/documents", UriKind.Relative), Document("%PDF-1.4 corrected"u8.ToArray())))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await other.GetAsync(new Uri("/api/v1/requests", UriKind.Relative))).JsonAsync();
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await client.GetAsync(new Uri("/api/v1/requests/K7QM-4XPD-9RTA", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheList_IsKeysetPaged_FilteredByStateAndChangedSince_AndHoldsOnlyTheOrganisationsRequests()
    {
        var (_, _, mine) = await Factory.OrganisationWithKeyAsync("First LLP");
        var (_, _, theirs) = await Factory.OrganisationWithKeyAsync("Second LLP");
        using var client = Factory.ApiClient(mine);
        using var other = Factory.ApiClient(theirs);
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await CreatedAsync(client, RequesterApiClient.AttorneyForm("Patient" + i)));
            _scenario.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await CreatedAsync(other, RequesterApiClient.AttorneyForm("Other"));

        var seen = new List<string>();
        var pages = 0;
        string? next = "/api/v1/requests?limit=2";
        while (next is not null)
        {
            var page = await (await client.GetAsync(new Uri(next, UriKind.Relative))).JsonAsync();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(items.Select(i => i.GetProperty("trackingNumber").GetString()!));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            pages++;
        }

        pages.ShouldBe(3);
        seen.ShouldBe(numbers); // oldest change first, each once

        var firstChange = await Factory.QueryAsync(db => db.Requests.AsNoTracking().Where(r => r.TrackingNumber == numbers[3]).Select(r => r.UpdatedAt).SingleAsync());
        var since = await (await client.GetAsync(new Uri($"/api/v1/requests?changedSince={Uri.EscapeDataString(firstChange.ToString("O"))}", UriKind.Relative))).JsonAsync();
        since.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingNumber").GetString()).ShouldBe([numbers[3], numbers[4]]);

        var received = await (await client.GetAsync(new Uri("/api/v1/requests?state=Received", UriKind.Relative))).JsonAsync();
        received.GetProperty("items").GetArrayLength().ShouldBe(5);
        var completed = await (await client.GetAsync(new Uri("/api/v1/requests?state=Completed", UriKind.Relative))).JsonAsync();
        completed.GetProperty("items").GetArrayLength().ShouldBe(0);

        var bad = await client.GetAsync(new Uri("/api/v1/requests?state=Lost&changedSince=yesterday&limit=0&cursor=xyz", UriKind.Relative));
        (await bad.ErrorFieldsAsync()).ShouldBe(["changedSince", "state", "limit", "cursor"], ignoreOrder: true);
    }

    [Fact]
    public async Task ADocumentForAHold_IsAttachedWithANoteForTheClerk_CheckedByContent_AndRefusedOnceClosed()
    {
        var (_, _, mine) = await Factory.OrganisationWithKeyAsync();
        using var client = Factory.ApiClient(mine);
        var form = RequesterApiClient.AttorneyForm();
        form.Remove("expiresOn"); // sent without an end: the release rules hold it for that
        form["expiryEvent"] = null;
        var held = await client.SendAsync(form);
        held.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // the API asks for it up front, as the online form does
        var number = await CreatedAsync(client, RequesterApiClient.AttorneyForm());

        var added = await client.PostAsync(new Uri($"/api/v1/requests/{number}/documents", UriKind.Relative),
            Document("%PDF-1.4 corrected authorization"u8.ToArray(), "AuthorizationScan"));

        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        (await added.JsonAsync()).GetProperty("kind").GetString().ShouldBe("AuthorizationScan");
        var request = await Factory.QueryAsync(db => db.Requests.AsNoTracking().Include(r => r.Documents).Include(r => r.Notes).AsSplitQuery()
            .SingleAsync(r => r.TrackingNumber == number));
        request.Documents.Count(d => d.Kind == DocumentKind.AuthorizationScan).ShouldBe(2);
        request.Notes.ShouldHaveSingleItem().Text.ShouldContain("Sent through the requester API");

        (await (await client.PostAsync(new Uri($"/api/v1/requests/{number}/documents", UriKind.Relative), Document("GIF89a"u8.ToArray())))
            .ErrorFieldsAsync()).ShouldBe(["file"]);
        (await (await client.PostAsync(new Uri($"/api/v1/requests/{number}/documents", UriKind.Relative), Document("%PDF-1.4"u8.ToArray(), "PhotoId")))
            .ErrorFieldsAsync()).ShouldBe(["kind"]);

        await Factory.FireAsync(request.Id, "Cancel", RequestScenarios.Clerk, ("reason", "The firm withdrew the request."));
        var closed = await client.PostAsync(new Uri($"/api/v1/requests/{number}/documents", UriKind.Relative), Document("%PDF-1.4 late"u8.ToArray()));
        closed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ReleasedRecords_AreDownloadedWhileThePortalLinkIsOpen_AsADisclosure_AndNotBefore()
    {
        var (_, _, mine) = await Factory.OrganisationWithKeyAsync();
        using var client = Factory.ApiClient(mine);
        var form = RequesterApiClient.AttorneyForm();
        form["delivery"] = "Portal";
        form["format"] = "Electronic";
        var number = await CreatedAsync(client, form);
        var request = await Factory.QueryAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.TrackingNumber == number));

        var early = await client.GetAsync(new Uri($"/api/v1/requests/{number}/records", UriKind.Relative));
        early.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var state = await Factory.ThroughReviewAsync(request.Id, electronicPages: 12, package: PortalScenario.PackageBytes);
        if (state == "AwaitingPayment")
        {
            var invoiced = await (await client.GetAsync(new Uri($"/api/v1/requests/{number}", UriKind.Relative))).JsonAsync();
            invoiced.GetProperty("invoice").GetProperty("balance").GetDecimal().ShouldBeGreaterThan(0m);
            invoiced.GetProperty("invoice").GetProperty("howToPay").GetProperty("note").GetString()!.ShouldContain("Cash is not accepted");
            await Factory.PayInFullAsync(request.Id);
        }

        (await Factory.FireAsync(request.Id, "PublishToPortal", RequestScenarios.Clerk)).ToState.ShouldBe("PublishedToPortal");
        await _scenario.DispatchAsync((await _scenario.PortalOutboxRowAsync(request.Id)).Id);
        (await (await client.GetAsync(new Uri($"/api/v1/requests/{number}", UriKind.Relative))).JsonAsync())
            .GetProperty("recordsAvailable").GetBoolean().ShouldBeTrue();

        var records = await client.GetAsync(new Uri($"/api/v1/requests/{number}/records", UriKind.Relative));

        records.StatusCode.ShouldBe(HttpStatusCode.OK);
        records.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        records.Content.Headers.ContentDisposition!.FileName.ShouldBe($"records-{number}.pdf");
        records.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await records.Content.ReadAsByteArrayAsync()).ShouldBe(PortalScenario.PackageBytes);
        (await _scenario.DisclosuresAsync(request.Id)).Count.ShouldBe(1);
        (await Factory.LoadAsync(request.Id)).State.ShouldBe("Completed");

        _scenario.Time.Advance(TimeSpan.FromDays(31)); // the link's 30 days are over
        (await client.GetAsync(new Uri($"/api/v1/requests/{number}/records", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _scenario.DisclosuresAsync(request.Id)).Count.ShouldBe(1);
    }

    private static MultipartFormDataContent Document(byte[] bytes, string? kind = null)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var content = new MultipartFormDataContent { { file, "file", "document.pdf" } };
        if (kind is not null) content.Add(new StringContent(kind), "kind");
        return content;
    }
}
