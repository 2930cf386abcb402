using BackOffice.Web.Documents;
using BackOffice.Web.Http;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Input;

/// <summary>
/// Each request may send as much as its endpoint takes: a page with uploads its <see cref="UploadLimitsAttribute"/>
/// limit, anything else <see cref="HttpOptions.MaxRequestBodyBytes"/>. A body declared larger is answered 413 before
/// anything reads it (antiforgery would otherwise report a cut-off form as a bad token); a body sent without a length
/// is counted as it is read and stopped at the same limit (<see cref="LimitedRequestStream"/>), whatever the server.
/// The error page a refusal is re-executed to is not checked again.
/// </summary>
public sealed class RequestBodyLimits(RequestDelegate next, HttpOptions http, IOptions<DocumentOptions> documents)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsErrorPage(context))
        {
            await next(context);
            return;
        }

        var upload = context.GetEndpoint()?.Metadata.GetMetadata<UploadLimitsAttribute>();
        var limit = upload?.LimitFor(documents.Value) ?? http.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            // Pages get the error page from the status-code middleware; the API the same problem details as a body
            // found too large while read (UnreadableRequestHandler).
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            if (InputServiceCollectionExtensions.IsApi(context))
                await UnreadableRequestHandler.WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (context.Request.ContentLength is null && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            context.Request.Body = new LimitedRequestStream(context.Request.Body, limit);
        await next(context);
    }

    /// <summary>True while the status-code or exception handler re-executes the pipeline for the error page.</summary>
    public static bool IsErrorPage(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
    }
}
