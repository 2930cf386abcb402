using System.Globalization;
using System.Threading.RateLimiting;

namespace BackOffice.Web;

/// <summary>Limits on what a stranger can call, per client address.</summary>
public static class RateLimits
{
    /// <summary>The fee estimate, as a form (<c>/fees</c>) or the API (<c>/api/fee-estimate</c>): one count per client
    /// address for both, POSTs only (reading the form page is free).</summary>
    public const string FeeEstimates = "fee-estimates";

    public static IServiceCollection AddBackOfficeRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("BackOffice:RateLimits:PublicApiPerMinute", 60);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(FeeEstimates, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("fees:" + PatientAccess.PatientAttemptLimiter.ClientKey(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            limiter.OnRejected = (rejected, _) =>
            {
                // Every 429 says when to come back; the status page (error page or problem details) follows.
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                SetRetryAfter(rejected.HttpContext.Response, wait);
                return ValueTask.CompletedTask;
            };
        });
        // Patient lookups count failures and key on what was posted, so they are counted by the pages themselves.
        services.AddSingleton(_ => new PatientAccess.PatientAttemptLimiter(
            configuration.GetSection("BackOffice:RateLimits").Get<PatientAccess.PatientRateLimitOptions>() ?? new PatientAccess.PatientRateLimitOptions()));
        return services;
    }

    /// <summary>The Retry-After header in whole seconds (at least one).</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
