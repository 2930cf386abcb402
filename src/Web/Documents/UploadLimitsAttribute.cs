using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Documents;

/// <summary>
/// Sets the request size limit of a page that takes uploads from <see cref="DocumentOptions.MaxUploadBytes"/>:
/// <see cref="Files"/> files of the maximum size plus the form's other fields. Like <c>[RequestSizeLimit]</c> it runs
/// before antiforgery reads the form (order 900), but its limit comes from configuration. A file over the per-file
/// limit yet within the request limit gets a message next to its field; a larger body is cut off by the server.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class UploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Room for the form's text fields and the multipart boundaries.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    /// <summary>How many file inputs the form has.</summary>
    public int Files { get; init; } = 1;

    public int Order { get; set; } = 900;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(LimitFor(serviceProvider.GetRequiredService<IOptions<DocumentOptions>>().Value));

    /// <summary>The largest body the page takes: its files at the largest size allowed, and the form's other fields.</summary>
    public long LimitFor(DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxUploadBytes * Files + FormOverheadBytes;
    }

    private sealed class Filter(long limit) : IAuthorizationFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var features = context.HttpContext.Features;
            if (features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            if (context.HttpContext.Request.HasFormContentType)
            {
                features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request,
                    new FormOptions { MultipartBodyLengthLimit = limit, BufferBodyLengthLimit = limit }));
            }
        }
    }
}
