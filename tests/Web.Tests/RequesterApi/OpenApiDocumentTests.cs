using System.Net;
using System.Text.Json;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.RequesterApi;

/// <summary>The OpenAPI document at /openapi/v1.json describes exactly the requester API's endpoints, with the key where it is needed.</summary>
public sealed class OpenApiDocumentTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task TheDocument_ListsEveryApiV1Endpoint_AndNoOther_WithTheKeyRequiredWhereTheAppRequiresIt()
    {
        using var client = _factory.CreateClient();
        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Method: operation.Name.ToUpperInvariant(), Path: path.Name,
                Keyed: operation.Value.TryGetProperty("security", out var security) && security.GetArrayLength() > 0)))
            .ToHashSet();
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null
                && !e.RoutePattern.RawText.StartsWith(BackOffice.Web.RequesterApi.RequesterApiDocument.ReferencePath, StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(method => (Method: method, Path: e.RoutePattern.RawText!,
                Keyed: e.Metadata.GetMetadata<BackOffice.Web.RequesterApi.ApiKeyRequired>() is not null)))
            .ToHashSet();

        endpoints.Count.ShouldBe(7); // the five request operations, the authorization upload and the fee estimate
        documented.ShouldBe(endpoints, ignoreOrder: true);
        documented.ShouldContain(("POST", "/api/v1/fee-estimate", false));
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString().ShouldBe("bearer");

        var create = document.GetProperty("paths").GetProperty("/api/v1/requests").GetProperty("post");
        create.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name)
            .ShouldBe(["application/json", "multipart/form-data"], ignoreOrder: true);
        create.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["201", "400", "401", "409", "429"], ignoreOrder: true);
        create.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        // The form's schema shows what the API takes, not what it refuses.
        var form = document.GetProperty("components").GetProperty("schemas").GetProperty("AuthorizationFormInput").GetProperty("properties");
        form.TryGetProperty("patient", out _).ShouldBeTrue();
        form.TryGetProperty("emailPassphrase", out _).ShouldBeFalse();
        form.TryGetProperty("documents", out _).ShouldBeFalse();
        form.TryGetProperty("isThirdParty", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task TheReferencePage_ShowsTheDocument_WithoutAnInlineScript()
    {
        using var client = _factory.CreateClient();

        var page = await client.GetAsync(new Uri("/api/v1/reference", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var script = await client.GetAsync(new Uri("/api/v1/reference/scalar/scalar.js", UriKind.Relative));

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("/api/v1/reference/scalar/scalar.js");
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<script type=\"module\">");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetStringAsync(new Uri("/js/api-reference.js", UriKind.Relative))).ShouldContain("/openapi/v1.json");
    }
}
