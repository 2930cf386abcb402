using System.Net;
using System.Text;
using System.Text.Json;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Security;

/// <summary>
/// The public API's answer to hostile bodies is always problem details: 400 with an <c>errors</c> entry naming the field
/// (or <c>body</c>), 413 for a body over the limit; never a bare status, a stack trace or an error in the log.
/// </summary>
public sealed class HostileApiTests : IAsyncLifetime, IDisposable
{
    private readonly BackOfficeFactory _factory = new(new Dictionary<string, string?> { ["BackOffice:RateLimits:PublicApiPerMinute"] = "1000" });
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    public void Dispose() => _client.Dispose();

    public static TheoryData<string, string> HostileBodies => new()
    {
        { """{"requesterType":"Patient\u0000","format":"Paper","pages":12,"deliveryMethod":"Mail"}""", "requesterType" },
        { """{"requesterType":"<script>alert(1)</script>","format":"Paper","pages":12,"deliveryMethod":"Mail"}""", "requesterType" },
        { """{"requesterType":"Patient","format":"Paper' OR 1=1 --","pages":12,"deliveryMethod":"Mail"}""", "format" },
        { """{"requesterType":"Patient","format":"Paper","pages":"12\u0007","deliveryMethod":"Mail"}""", "pages" },
        { """{"requesterType":"Patient","format":"Paper","pages":1e400,"deliveryMethod":"Mail"}""", "pages" },
        { """{"requesterType":"Patient","format":"Paper","pages":12,"deliveryMethod":"Mail","receivedOn":"2024-02-30"}""", "receivedOn" },
        { """{"requesterType":"Patient","format":"Paper","pages":12,"deliveryMethod":"Mail","receivedOn":"0000-00-00"}""", "receivedOn" },
        { """{"requesterType":"Patient","format":"Paper","pages":12,"deliveryMethod":"Mail","postage":{"$gt":""}}""", "postage" },
        { """{"requesterType":["Patient"],"format":"Paper","pages":12,"deliveryMethod":"Mail"}""", "requesterType" },
        { """["not", "an", "object"]""", "body" },
        { """{"requesterType":"Patient",""", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task AHostileBody_GetsProblemDetails_NamingTheField(string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(new Uri("/api/fee-estimate", UriKind.Relative), content);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task AMegabyteString_GetsAShortProblem_ThatDoesNotEchoIt()
    {
        var json = $$"""{"requesterType":"{{new string('P', 900_000)}}","format":"Paper","pages":12,"deliveryMethod":"Mail"}""";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(new Uri("/api/fee-estimate", UriKind.Relative), content);

        var body = await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "requesterType");
        body.Length.ShouldBeLessThan(2000);
    }

    [Fact]
    public async Task InvalidUtf8_GetsProblemDetails_NamingTheBody()
    {
        byte[] json = [.. """{"requesterType":"Pat"""u8, 0xC3, 0x28, 0xFF, .. """ient","format":"Paper","pages":12,"deliveryMethod":"Mail"}"""u8];
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync(new Uri("/api/fee-estimate", UriKind.Relative), content);

        await ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task ABodyOverTheLimit_Gets413ProblemDetails()
    {
        var json = $$"""{"requesterType":"Patient","padding":"{{new string('x', 2 * 1024 * 1024)}}"}""";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(new Uri("/api/fee-estimate", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().ShouldBe(413);
        _factory.ErrorLogMessages.ShouldBeEmpty();
    }

    [Fact]
    public async Task AStreamedBodyOverTheLimit_WithNoLengthGiven_Gets413ProblemDetails_AndNoErrorInTheLog()
    {
        var json = Encoding.UTF8.GetBytes($$"""{"requesterType":"Patient","padding":"{{new string('x', 2 * 1024 * 1024)}}"}""");
        using var content = new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync(new Uri("/api/fee-estimate", UriKind.Relative), content);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue();
        _factory.ErrorLogMessages.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnUnknownApiAddress_GetsProblemDetails()
    {
        var response = await _client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private async Task<string> ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue(body);
        messages.EnumerateArray().ShouldNotBeEmpty();
        body.ShouldNotContain("   at "); // no stack trace
        _factory.ErrorLogMessages.ShouldBeEmpty();
        return body;
    }

    /// <summary>A body sent chunked, so the server learns its size only by reading it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
