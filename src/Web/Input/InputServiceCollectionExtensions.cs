using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.Input;

/// <summary>
/// Clean answers to bad input everywhere: every bound string checked (<see cref="StoredTextValidatorProvider"/>),
/// request bodies limited per endpoint (<see cref="RequestBodyLimits"/>), unreadable requests answered with their
/// status, and every error status without a body of its own given one: problem details under <c>/api</c>, the site's
/// error page elsewhere.
/// </summary>
public static class InputServiceCollectionExtensions
{
    public const string ErrorPath = "/Error";

    public static IServiceCollection AddInputChecks(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(mvc => mvc.ModelValidatorProviders.Add(new StoredTextValidatorProvider()));
        services.AddExceptionHandler<UnreadableRequestHandler>();
        return services;
    }

    /// <summary>Outside Development: exceptions re-execute the error page, an unreadable request with its own status, a
    /// database away for a moment with 503 (<see cref="DatabaseUnavailable"/>).</summary>
    public static void UseErrorPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPath,
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException unreadable => unreadable.StatusCode,
                _ when DatabaseUnavailable.Is(exception) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
            // The sender's mistake is logged once, at information, by UnreadableRequestHandler; not as an unhandled error.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
    }

    /// <summary>Error statuses without a body get one; then, after routing, the per-endpoint body limit.</summary>
    public static void UseErrorAnswers(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute(ErrorPath));
    }

    /// <summary>After routing: each endpoint's body limit, then URL-encoded NULs made reportable at their field.</summary>
    public static void UseRequestBodyChecks(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestBodyLimits>();
        app.UseMiddleware<EncodedNulCharacters>();
    }

    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }
}
