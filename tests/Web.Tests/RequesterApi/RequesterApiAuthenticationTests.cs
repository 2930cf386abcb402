using System.Net;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.RequesterApi;

/// <summary>Every requester API call needs a usable key of a registered organisation; refusals are 401 problem details.</summary>
public sealed class RequesterApiAuthenticationTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new(new Dictionary<string, string?> { ["BackOffice:RateLimits:ApiCallsPerKeyPerMinute"] = "5" });

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string detail)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain(detail);
    }

    [Fact]
    public async Task AMissingUnknownOrWrongKey_Gets401ProblemDetails_OnEveryKeyedEndpoint()
    {
        var (_, _, secret) = await _factory.OrganisationWithKeyAsync();
        var wrong = secret[..^4] + (secret.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, "/api/v1/requests"), (HttpMethod.Post, "/api/v1/requests"), (HttpMethod.Get, "/api/v1/requests/K7QM-4XPD-9RTA"),
                     (HttpMethod.Post, "/api/v1/requests/K7QM-4XPD-9RTA/documents"), (HttpMethod.Get, "/api/v1/requests/K7QM-4XPD-9RTA/records"),
                 })
        {
            using var none = _factory.ApiClient(null);
            await ShouldBeRefusedAsync(await none.SendAsync(new HttpRequestMessage(method, path)), "Authorization: Bearer");
            using var unknown = _factory.ApiClient("bo_0000000000_" + new string('A', 43));
            await ShouldBeRefusedAsync(await unknown.SendAsync(new HttpRequestMessage(method, path)), "not known");
            using var garbage = _factory.ApiClient("let-me-in");
            await ShouldBeRefusedAsync(await garbage.SendAsync(new HttpRequestMessage(method, path)), "not known");
            using var wrongSecret = _factory.ApiClient(wrong);
            await ShouldBeRefusedAsync(await wrongSecret.SendAsync(new HttpRequestMessage(method, path)), "not known");
        }
    }

    [Fact]
    public async Task ARevokedOrExpiredKey_Gets401_AndTheRefusalIsAudited_WhileAnotherKeyWorks()
    {
        var (organisation, key, secret) = await _factory.OrganisationWithKeyAsync();
        string second;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var organisations = scope.ServiceProvider.GetRequiredService<Workflows.Organisations.RequesterOrganisations>();
            (_, second) = await organisations.IssueKeyAsync(organisation.Id, "second system", DateTimeOffset.UtcNow.AddDays(1), "tests");
        }

        using var client = _factory.ApiClient(secret);
        (await client.GetAsync(new Uri("/api/v1/requests", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<Workflows.Organisations.RequesterOrganisations>()
                .RevokeKeyAsync(organisation.Id, key.Id, "supervisor")).ShouldBeTrue();
        }

        await ShouldBeRefusedAsync(await client.GetAsync(new Uri("/api/v1/requests", UriKind.Relative)), "revoked");

        using var other = _factory.ApiClient(second);
        (await other.GetAsync(new Uri("/api/v1/requests", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
            await db.ApiKeys.Where(k => k.OrganisationId == organisation.Id && k.Id != key.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        await ShouldBeRefusedAsync(await other.GetAsync(new Uri("/api/v1/requests", UriKind.Relative)), "expired");

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
            var refusals = await db.Audit.AsNoTracking().Where(a => a.Action == "ApiKeyRefused").ToListAsync();
            refusals.Select(a => a.Outcome).ShouldBe(["revoked", "expired"], ignoreOrder: true);
            refusals.ShouldContain(a => a.Subject == key.Prefix);
        }
    }

    [Fact]
    public async Task TheXApiKeyHeader_Works_EveryCallIsAuditedAsTheOrganisation_AndTheLastUseIsRecorded()
    {
        var (organisation, key, secret) = await _factory.OrganisationWithKeyAsync();
        using var client = _factory.ApiClient(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);

        (await client.GetAsync(new Uri("/api/v1/requests?limit=10", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/api/v1/requests/K7QM-4XPD-9RTA", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        var calls = await db.Audit.AsNoTracking().Where(a => a.Action == "ApiCall").OrderBy(a => a.Id).ToListAsync();
        calls.Count.ShouldBe(2);
        calls.ShouldAllBe(a => a.UserName == $"{organisation.Name} (API key case system)" && a.UserId == "api-key:" + key.Id.ToString("N"));
        calls.Select(a => (a.Subject, a.Outcome)).ShouldBe([("GET /api/v1/requests", "200"), ("GET /api/v1/requests/K7QM-4XPD-9RTA", "404")]);
        (await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == key.Id)).LastUsedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task AKeyOverItsRateLimit_Gets429WithRetryAfter_CountedPerKey()
    {
        var (_, _, first) = await _factory.OrganisationWithKeyAsync("First LLP");
        var (_, _, second) = await _factory.OrganisationWithKeyAsync("Second LLP");
        using var client = _factory.ApiClient(first);
        await FixedWindows.AwayFromTheEndAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(15));
        for (var call = 0; call < 5; call++)
            (await client.GetAsync(new Uri("/api/v1/requests", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await client.GetAsync(new Uri("/api/v1/requests", UriKind.Relative));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        using var other = _factory.ApiClient(second);
        (await other.GetAsync(new Uri("/api/v1/requests", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
