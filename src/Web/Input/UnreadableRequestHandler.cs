using Microsoft.AspNetCore.Diagnostics;

namespace BackOffice.Web.Input;

/// <summary>
/// A request the server could not read (a body over the limit, a cut-off or malformed body) is the sender's mistake,
/// not ours: an API call gets problem details naming the body, with the server's status (413 or 400), and nothing is
/// logged as an unhandled error. Pages get the error page with the same status (see <see cref="InputServiceCollectionExtensions"/>).
/// </summary>
public sealed class UnreadableRequestHandler(ILogger<UnreadableRequestHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException unreadable) return false;
        logger.LogInformation("Refused a request the server could not read: {Status}", unreadable.StatusCode);
        if (!InputServiceCollectionExtensions.IsApi(httpContext)) return false;

        await WriteProblemAsync(httpContext, unreadable.StatusCode);
        return true;
    }

    /// <summary>Problem details for a body that could not be taken, with an <c>errors</c> entry naming the body.</summary>
    public static async Task WriteProblemAsync(HttpContext context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = status == StatusCodes.Status413PayloadTooLarge ? "The body is larger than this endpoint takes." : "The body could not be read.";
        context.Response.StatusCode = status;
        await Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] }, title: message, statusCode: status)
            .ExecuteAsync(context);
    }
}
