namespace BackOffice.Web;

/// <summary>
/// Limits on what a stranger can call, per client address, counted in the database so every node counts the same
/// attempts (<see cref="PatientAccess.PatientAttemptLimiter"/>); every refusal says when to come back.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddBackOfficeRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("BackOffice:RateLimits").Get<PatientAccess.PatientRateLimitOptions>()
            ?? new PatientAccess.PatientRateLimitOptions());
        services.AddScoped<PatientAccess.PatientAttemptLimiter>();
        return services;
    }

    /// <summary>The Retry-After header in whole seconds (at least one).</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
