using BackOffice.Web.Documents;
using BackOffice.Web.Pages.Portal;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Portal;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.RequesterApi;

/// <summary>
/// <c>GET /api/v1/requests/{trackingNumber}/records</c>: the released records of one of the organisation's own requests,
/// for as long as the request's portal link is open (records released to the portal, <c>BackOffice:Portal:LinkDays</c>),
/// without the link's date of birth and e-mailed code: the organisation's key stands for them. Every download is
/// recorded as a disclosure before the file is handed out (the first also completes the request), as a portal download is.
/// </summary>
public sealed class ReleasedRecords(BackOfficeDbContext db, DocumentStore documents, PortalDownloadRecorder recorder, TimeProvider time,
    ILogger<ReleasedRecords> logger)
{
    public const string NotAvailable = "No released records can be downloaded for this request.";

    public async Task<IResult> HandleAsync(HttpContext http, string trackingNumber)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = await RequestStatus.FindAsync(db, ApiCaller.Of(http), trackingNumber, http.RequestAborted);
        if (request is null) return ApiProblems.NotFound();
        ApiKeyCheck.AuditRequest(http, request.Id);
        var grant = await OpenGrantAsync(db, request, time.GetUtcNow(), http.RequestAborted);
        var package = await db.Documents.AsNoTracking().Where(d => d.RequestId == request.Id && d.Kind == DocumentKind.ReleasePackage)
            .OrderByDescending(d => d.UploadedAt).FirstOrDefaultAsync(http.RequestAborted);
        if (grant is null || package is null)
        {
            return ApiProblems.NotFound(NotAvailable + " Records chosen to be delivered by the portal can be downloaded here while the portal link is open.");
        }

        var stream = documents.TryOpenRead(package.StorageKey);
        if (stream is null)
        {
            logger.LogError("Release package {DocumentId} of request {RequestId} is missing from storage", package.Id, request.Id);
            return ApiProblems.NotFound(NotAvailable);
        }

        // A HEAD request hands out no records, so it is not a disclosure.
        if (!HttpMethods.IsHead(http.Request.Method)) await recorder.RecordAsync(grant.Id, CancellationToken.None);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(stream, "application/pdf", DownloadModel.DownloadName(request.TrackingNumber));
    }

    /// <summary>The request's open portal grant while the request may still serve its records, or null.</summary>
    public static async Task<PortalGrant?> OpenGrantAsync(BackOfficeDbContext db, RecordsRequest request, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (!PortalDownloadRecorder.Serves(request)) return null;
        return await db.PortalGrants.AsNoTracking().Where(g => g.RequestId == request.Id && g.ExpiresAt > now)
            .OrderByDescending(g => g.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
    }
}
