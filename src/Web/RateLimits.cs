using System.Threading.RateLimiting;

namespace BackOffice.Web;

/// <summary>Limits on what a stranger can call, per client address.</summary>
public static class RateLimits
{
    public const string PublicApi = "public-api";

    public static IServiceCollection AddBackOfficeRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("BackOffice:RateLimits:PublicApiPerMinute", 60);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PublicApi, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        // Patient lookups count failures and key on what was posted, so they are counted by the pages themselves.
        services.AddSingleton(_ => new PatientAccess.PatientAttemptLimiter(
            configuration.GetSection("BackOffice:RateLimits").Get<PatientAccess.PatientRateLimitOptions>() ?? new PatientAccess.PatientRateLimitOptions()));
        return services;
    }
}
