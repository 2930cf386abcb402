using Microsoft.AspNetCore.HttpLogging;

namespace BackOffice.Web.Http;

/// <summary>
/// Request logs without health information. ASP.NET Core's own request lines ("Request starting GET
/// /Staff/Requests?search=…") carry the whole URL, and a staff search puts a patient's name or date of birth in the
/// query string: those lines are held at Warning in code, whatever the configuration says. In their place, the HTTP
/// logging middleware writes one line per request with the method, the path without its query string, the status and
/// the duration — at Information under <c>Microsoft.AspNetCore.HttpLogging</c>, quiet by default like the rest of
/// <c>Microsoft.AspNetCore</c> (raise that category to see it).
/// </summary>
public static class RequestLogging
{
    public static WebApplicationBuilder AddRequestLoggingWithoutHealthData(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Registered after the configuration's rules: for this category it is the rule that applies.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level => level >= LogLevel.Warning);
        builder.Services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return builder;
    }

    public static void UseRequestLoggingWithoutHealthData(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHttpLogging();
    }
}
