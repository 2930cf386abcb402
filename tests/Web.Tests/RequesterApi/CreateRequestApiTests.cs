using System.Net;
using System.Text.Json.Nodes;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.RequesterApi;

/// <summary><c>POST /api/v1/requests</c>: the shared authorization form as JSON with the signed PDF, idempotent per organisation.</summary>
public sealed class CreateRequestApiTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<List<RecordsRequest>> RequestsAsync() =>
        await _factory.QueryAsync(db => db.Requests.AsNoTracking().Include(r => r.Documents).AsSplitQuery().ToListAsync());

    [Fact]
    public async Task AnAuthorization_Answers201_WithTheTrackingNumberDueDateAndLocation_AndEntersTheLifecycleAsTheOrganisations()
    {
        var (organisation, _, secret) = await _factory.OrganisationWithKeyAsync();
        using var client = _factory.ApiClient(secret);

        var response = await client.SendAsync(RequesterApiClient.AttorneyForm());

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var trackingNumber = body.GetProperty("trackingNumber").GetString()!;
        response.Headers.Location!.OriginalString.ShouldBe($"/api/v1/requests/{trackingNumber}");
        var receivedOn = DateOnly.Parse(body.GetProperty("receivedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        body.GetProperty("dueOn").GetString().ShouldBe(receivedOn.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        body.GetProperty("state").GetString().ShouldBe("Received");

        var request = (await RequestsAsync()).Single();
        request.TrackingNumber.ShouldBe(trackingNumber);
        request.Channel.ShouldBe(RequestChannel.Api);
        request.RequesterOrganisationId.ShouldBe(organisation.Id);
        request.Kind.ShouldBe(RequestKind.Authorization);
        request.Requester.Type.ShouldBe(RequesterType.Attorney);
        request.Requester.Organisation.ShouldBe("Smith & Jones LLP");
        request.Requester.Name.ShouldBe("Ann Smith");
        request.Recipient.Organisation.ShouldBe("Smith & Jones LLP");
        request.Recipient.Address.City.ShouldBe("Chicago");
        request.Signature.SignerName.ShouldBe("Maria Lopez");
        request.Documents.ShouldHaveSingleItem().Kind.ShouldBe(DocumentKind.AuthorizationScan);
        _factory.ReadStoredFile(Path.Combine(_factory.DataDirectory, "documents", request.Documents[0].StorageKey))
            .ShouldBe(RequesterApiClient.SignedAuthorization);
        // The release rules ran as for any request: the decision is recorded on the journal's first entry.
        (await _factory.QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.RequestId == request.Id).CountAsync())).ShouldBeGreaterThan(0);
        request.Decision.ShouldNotBeNull();
        request.DecisionRuleSetVersion.ShouldNotBeNull();
    }

    [Fact]
    public async Task TheSameIdempotencyKey_AnswersTheFirstRequestAgain_ADifferentBodyIs409_AndAnotherOrganisationsKeyIsItsOwn()
    {
        var (_, _, first) = await _factory.OrganisationWithKeyAsync("First LLP");
        var (_, _, second) = await _factory.OrganisationWithKeyAsync("Second LLP");
        using var client = _factory.ApiClient(first);

        var created = await client.SendAsync(RequesterApiClient.AttorneyForm(), idempotencyKey: "case-4711");
        var again = await client.SendAsync(RequesterApiClient.AttorneyForm(), idempotencyKey: "case-4711");
        var changed = await client.SendAsync(RequesterApiClient.AttorneyForm("Garcia"), idempotencyKey: "case-4711");
        using var otherOrganisation = _factory.ApiClient(second);
        var theirs = await otherOrganisation.SendAsync(RequesterApiClient.AttorneyForm(), idempotencyKey: "case-4711");

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var number = (await created.JsonAsync()).GetProperty("trackingNumber").GetString();
        (await again.JsonAsync()).GetProperty("trackingNumber").GetString().ShouldBe(number);
        again.Headers.Location.ShouldBe(created.Headers.Location);
        changed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        changed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        theirs.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await theirs.JsonAsync()).GetProperty("trackingNumber").GetString().ShouldNotBe(number);

        var requests = await RequestsAsync();
        requests.Count.ShouldBe(2);
        requests.ShouldAllBe(r => r.Documents.Count == 1);
        // Files of the repeated calls were not kept: one per stored request.
        Directory.GetFiles(Path.Combine(_factory.DataDirectory, "documents"), "*", SearchOption.AllDirectories).Length.ShouldBe(2);
    }

    [Fact]
    public async Task TwoCallsAtOnceWithTheSameKey_MakeOneRequest()
    {
        var (_, _, secret) = await _factory.OrganisationWithKeyAsync();
        using var client = _factory.ApiClient(secret);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.SendAsync(RequesterApiClient.AttorneyForm(), idempotencyKey: "same")));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created);
        (await Task.WhenAll(answers.Select(async a => (await a.JsonAsync()).GetProperty("trackingNumber").GetString()))).Distinct().Count().ShouldBe(1);
        (await RequestsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task BadInput_Answers400_NamingEachFieldAsTheJsonNamesIt_AndStoresNothing()
    {
        var (_, _, secret) = await _factory.OrganisationWithKeyAsync();
        using var client = _factory.ApiClient(secret);
        var form = RequesterApiClient.AttorneyForm();
        form["patient"]!["firstName"] = "";
        form["patient"]!["dateOfBirth"] = "1980-02-30";
        form["patient"]!["isDeceased"] = "no";
        form["delivery"] = "Fax";
        form["purpose"] = null;
        form["requester"] = new JsonObject { ["type"] = "Patient" };
        form["colour"] = "blue";
        form["signature"]!["agreed"] = true;
        form["recipient"] = new JsonObject { ["name"] = "Ann Smith", ["email"] = "not an address" };
        form["information"] = new JsonObject { ["allRecords"] = false, ["recordTypes"] = new JsonArray("Everything") };

        var fields = await (await client.SendAsync(form)).ErrorFieldsAsync();

        fields.ShouldBe(
        [
            "patient.firstName", "patient.dateOfBirth", "patient.isDeceased", "requester.type", "recipient.email", "information.recordTypes",
            "delivery", "purpose", "signature.agreed", "colour",
        ], ignoreOrder: true);
        (await RequestsAsync()).ShouldBeEmpty();
        Directory.Exists(Path.Combine(_factory.DataDirectory, "documents")).ShouldBeFalse();
    }

    [Fact]
    public async Task WithoutTheSignedPdf_OrWithAnotherFile_OrADeliveryNotAllowed_IsRefusedAtItsField()
    {
        var (_, _, secret) = await _factory.OrganisationWithKeyAsync(delivery: [DeliveryMethod.Mail]);
        using var client = _factory.ApiClient(secret);

        (await (await client.SendJsonAsync(RequesterApiClient.AttorneyForm())).ErrorFieldsAsync()).ShouldBe(["authorization"]);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        (await (await client.SendAsync(RequesterApiClient.AttorneyForm(), png)).ErrorFieldsAsync()).ShouldBe(["authorization"]);
        (await (await client.SendAsync(RequesterApiClient.AttorneyForm(), "MZ not a document"u8.ToArray())).ErrorFieldsAsync()).ShouldBe(["authorization"]);
        var portal = RequesterApiClient.AttorneyForm();
        portal["delivery"] = "Portal";
        portal["format"] = "Electronic";
        portal["recipient"] = new JsonObject { ["name"] = "Ann Smith", ["email"] = "ann@smithjones.example.org" };
        var refused = await client.SendAsync(portal);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["delivery"]);
        errors.GetProperty("delivery")[0].GetString()!.ShouldContain("Mail");

        (await RequestsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task AProviderAskingToTreatThePatient_NeedsNoSignedAuthorization()
    {
        var (_, _, secret) = await _factory.OrganisationWithKeyAsync("Riverside Clinic", RequesterType.Provider);
        using var client = _factory.ApiClient(secret);
        var form = RequesterApiClient.AttorneyForm();
        form["purpose"] = "ContinuingCare";
        form.Remove("expiresOn");
        form["format"] = "Paper";

        var response = await client.SendJsonAsync(form);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var request = (await RequestsAsync()).Single();
        request.Requester.Type.ShouldBe(RequesterType.Provider);
        request.Documents.ShouldBeEmpty();
    }

    [Fact]
    public async Task NotJson_OrNotAnObject_OrABadIdempotencyKey_IsNamed()
    {
        var (_, _, secret) = await _factory.OrganisationWithKeyAsync();
        using var client = _factory.ApiClient(secret);
        using var broken = new StringContent("{\"patient\":", System.Text.Encoding.UTF8, "application/json");

        (await (await client.PostAsync(new Uri("/api/v1/requests", UriKind.Relative), broken)).ErrorFieldsAsync()).ShouldBe(["body"]);
        (await (await client.SendJsonAsync(new JsonArray(1, 2))).ErrorFieldsAsync()).ShouldBe(["body"]);
        (await (await client.SendAsync(RequesterApiClient.AttorneyForm(), idempotencyKey: "has spaces")).ErrorFieldsAsync()).ShouldBe(["Idempotency-Key"]);
        using var text = new StringContent("hello", System.Text.Encoding.UTF8, "text/plain");
        var unsupported = await client.PostAsync(new Uri("/api/v1/requests", UriKind.Relative), text);
        unsupported.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        unsupported.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task ASeparatelyUploadedAuthorization_IsNamedInTheJson_AndTakenOverOnce_ByItsOwnOrganisationOnly()
    {
        var (_, _, mine) = await _factory.OrganisationWithKeyAsync("First LLP");
        var (_, _, theirs) = await _factory.OrganisationWithKeyAsync("Second LLP");
        using var client = _factory.ApiClient(mine);
        using var pdf = new ByteArrayContent(RequesterApiClient.SignedAuthorization);
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");

        var uploaded = await client.PostAsync(new Uri("/api/v1/authorizations", UriKind.Relative), pdf);

        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var id = (await uploaded.JsonAsync()).GetProperty("authorizationUploadId").GetString()!;
        using var other = _factory.ApiClient(theirs);
        var form = RequesterApiClient.AttorneyForm();
        form["authorizationUploadId"] = id;
        (await (await other.SendJsonAsync(form.DeepClone())).ErrorFieldsAsync()).ShouldBe(["authorizationUploadId"]);

        var created = await client.SendJsonAsync(form.DeepClone());

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var request = (await RequestsAsync()).Single();
        request.Documents.ShouldHaveSingleItem().Kind.ShouldBe(DocumentKind.AuthorizationScan);
        (await _factory.QueryAsync(db => db.StagedUploads.CountAsync())).ShouldBe(0);
        (await (await client.SendJsonAsync(form.DeepClone())).ErrorFieldsAsync()).ShouldBe(["authorizationUploadId"]); // used up

        using var image = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        image.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        (await (await client.PostAsync(new Uri("/api/v1/authorizations", UriKind.Relative), image)).ErrorFieldsAsync()).ShouldBe(["file"]);
        (await _factory.QueryAsync(db => db.StagedUploads.CountAsync())).ShouldBe(0);
    }
}
