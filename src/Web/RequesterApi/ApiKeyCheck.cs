using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.RequesterApi;

/// <summary>
/// In front of every requester API endpoint: the key (<c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>) is found
/// by its public prefix and compared by hash; a missing, unknown, wrong, expired or revoked key gets 401 problem details.
/// Then the key's rate limit, counted in the database so it holds across nodes (429 with Retry-After), and after the
/// endpoint has answered, one audit row for the call: who (the organisation and key), what (method and path), which
/// request, and the status. Nothing is cached: a key revoked on one node is refused by every node on its next call.
/// </summary>
public sealed class ApiKeyCheck(BackOfficeDbContext db, PatientAttemptLimiter limiter, IAuditTrail audit, WebhookSubscriptions webhooks,
    TimeProvider time, ILogger<ApiKeyCheck> logger) : IEndpointFilter
{
    public const string AuditAction = "ApiCall";
    public const string RefusedAuditAction = "ApiKeyRefused";
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The request an API call concerned, for its audit row (set by the endpoint once known).</summary>
    public static void AuditRequest(HttpContext context, Guid requestId)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[typeof(ApiKeyCheck)] = requestId;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var cancellationToken = http.RequestAborted;
        var presented = PresentedKey(http.Request);
        if (presented is null)
            return Challenge(http, "Send the key as \"Authorization: Bearer <key>\" or in the X-Api-Key header.");

        var prefix = ApiKey.PrefixOf(presented);
        var found = prefix is null ? null : await KeyByPrefix.For(db)(db, prefix, cancellationToken);
        var now = time.GetUtcNow();
        if (found is null || !found.Key.Matches(presented))
        {
            logger.LogInformation("Refused a requester API call with an unknown or wrong key {Prefix}", prefix ?? "(not a key)");
            if (found is not null) await audit.RecordAsync(RefusedAuditAction, null, subject: found.Key.Prefix, outcome: "wrong key", cancellationToken);
            return Challenge(http, "The key is not known.");
        }

        var key = found.Key;

        if (!key.IsUsable(now))
        {
            var why = key.IsRevoked ? "revoked" : "expired";
            logger.LogInformation("Refused a requester API call with the {Why} key {Prefix}", why, key.Prefix);
            await audit.RecordAsync(RefusedAuditAction, null, subject: key.Prefix, outcome: why, cancellationToken);
            return Challenge(http, $"The key was {why}; ask the records department for a new one.");
        }

        var caller = new ApiCaller(found.Organisation, key);
        webhooks.Remember(found.Organisation); // the call's lifecycle commit asks; it was read just now
        http.Features.Set(caller);
        http.User = caller.ToPrincipal();

        if (!await limiter.TryUseAsync(AttemptBucket.ApiCallsPerKey, key.Id.ToString("N"), cancellationToken))
        {
            RateLimits.SetRetryAfter(http.Response, limiter.WindowOf(AttemptBucket.ApiCallsPerKey));
            await AuditAsync(http, StatusCodes.Status429TooManyRequests);
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many calls with this key; wait and try again.");
        }

        if (key.LastUsedAt is not { } lastUsed || lastUsed < now - LastUseResolution) await RecordUseAsync(key.Id, now, cancellationToken);
        var result = await next(context);
        await AuditAsync(http, StatusOf(result, http));
        return result;
    }

    private sealed record KeyOfOrganisation(ApiKey Key, RequesterOrganisation Organisation);

    // The key and its organisation in one query, as every call needs both once the key matches; compiled once (per model).
    private static readonly PerModelCompiledQuery<Func<BackOfficeDbContext, string, CancellationToken, Task<KeyOfOrganisation?>>> KeyByPrefix = new(() =>
        EF.CompileAsyncQuery((BackOfficeDbContext db, string prefix, CancellationToken cancellationToken) => (
            from k in db.ApiKeys.AsNoTracking()
            where k.Prefix == prefix
            join o in db.RequesterOrganisations.AsNoTracking() on k.OrganisationId equals o.Id
            select new KeyOfOrganisation(k, o)).SingleOrDefault()));

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Trimmed(authorization["Bearer ".Length..]);
        return Trimmed(request.Headers[ApiKeyHeader].ToString());
    }

    private static string? Trimmed(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IResult Challenge(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"requester-api\"";
        return ApiProblems.Unauthorized(detail);
    }

    // The last-used time is written at most once a minute per key: a busy key would otherwise take SQLite's one writer on
    // every call. The key as read above says whether it is due; the WHERE keeps nodes racing from writing it twice.
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private async Task RecordUseAsync(Guid keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - LastUseResolution;
        await db.ApiKeys.Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < since))
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }

    // Written even when the caller went away: the call happened.
    private Task AuditAsync(HttpContext http, int status) =>
        audit.RecordAsync(AuditAction, http.Items.TryGetValue(typeof(ApiKeyCheck), out var id) && id is Guid requestId ? requestId : null,
            subject: $"{http.Request.Method} {http.Request.Path}", outcome: status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CancellationToken.None);

    private static int StatusOf(object? result, HttpContext http) => result switch
    {
        IStatusCodeHttpResult { StatusCode: { } status } => status,
        _ => http.Response.StatusCode,
    };
}
