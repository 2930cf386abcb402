using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.RequesterApi;

/// <summary>Organisations, keys and calls of the requester API for the contract tests.</summary>
public static class RequesterApiClient
{
    public static readonly byte[] SignedAuthorization = "%PDF-1.4\n% a signed authorization for the tests\n%%EOF\n"u8.ToArray();

    /// <summary>Registers an organisation and issues a key for it, as the staff page or the command would.</summary>
    public static async Task<(RequesterOrganisation Organisation, ApiKey Key, string Secret)> OrganisationWithKeyAsync(this BackOfficeFactory factory,
        string name = "Smith & Jones LLP", RequesterType type = RequesterType.Attorney, params DeliveryMethod[] delivery)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var organisations = scope.ServiceProvider.GetRequiredService<RequesterOrganisations>();
        var organisation = await organisations.RegisterAsync(new RequesterOrganisationDetails
        {
            Name = name, Type = type, ContactName = "Ann Smith", ContactEmail = "records@smithjones.example.org",
            Address = new PostalAddress { Line1 = "1 Main St", City = "Chicago", State = "IL", PostalCode = "60601" },
            AllowedDeliveryMethods = delivery.Length > 0 ? delivery : [DeliveryMethod.Mail, DeliveryMethod.SecureEmail, DeliveryMethod.Portal],
        }, "tests");
        var (key, secret) = await organisations.IssueKeyAsync(organisation.Id, "case system", null, "tests");
        return (organisation, key, secret);
    }

    public static HttpClient ApiClient(this BackOfficeFactory factory, string? key)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A complete attorney's authorization for a patient's records, mailed to the firm, as the API takes it.</summary>
    public static JsonObject AttorneyForm(string lastName = "Lopez") => new()
    {
        ["patient"] = new JsonObject
        {
            ["firstName"] = "Maria", ["lastName"] = lastName, ["dateOfBirth"] = "1980-04-15",
            ["address"] = new JsonObject { ["line1"] = "12 Oak St", ["city"] = "Naperville", ["state"] = "IL", ["postalCode"] = "60540" },
        },
        ["information"] = new JsonObject { ["allRecords"] = true },
        ["delivery"] = "Mail",
        ["format"] = "Paper",
        ["purpose"] = "Legal",
        ["expiresOn"] = "2027-12-31",
        ["requiredStatementsPresent"] = true,
        ["signature"] = new JsonObject
        {
            ["signerName"] = "Maria " + lastName, ["signerRelationship"] = "Patient",
            ["signedOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    /// <summary>POST /api/v1/requests as multipart: the form's JSON and the signed PDF.</summary>
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, JsonNode form, byte[]? pdf = null, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        var content = new MultipartFormDataContent
        {
            { new StringContent(form.ToJsonString(), Encoding.UTF8, "application/json"), "form" },
        };
        var file = new ByteArrayContent(pdf ?? SignedAuthorization);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "authorization", "signed-authorization.pdf");
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = content };
        if (idempotencyKey is not null) message.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(message);
    }

    /// <summary>POST /api/v1/requests with the form alone as JSON (no signed PDF).</summary>
    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, JsonNode form, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests")
        {
            Content = new StringContent(form.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null) message.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(message);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The names in a 400's <c>errors</c>, after checking it is problem details.</summary>
    public static async Task<List<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return [.. (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }
}
