using BackOffice.Web.Documents;
using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Portal;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.Pages.Portal;

/// <summary>
/// Step 3: the download, for the browser that entered the right code, while the link is open. Every download is
/// recorded as a disclosure before the file is handed out (the first also completes the request).
/// </summary>
public sealed class DownloadModel(
    PortalAccess portal, PatientPasses passes, DocumentStore documents, PortalDownloadRecorder recorder, ILogger<DownloadModel> logger)
    : PortalPage
{
    public string FileName { get; private set; } = "";
    public long Size { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var link = await portal.OpenAsync(token, cancellationToken);
        if (link is null) return LinkGone();
        if (!passes.Holds(Request, PassKind.PortalDownload, link.Grant.Id)) return Redirect(PathFor(token));
        FileName = DownloadName(link.Request.TrackingNumber);
        Size = link.Package.Size;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(string token, CancellationToken cancellationToken)
    {
        var link = await portal.OpenAsync(token, cancellationToken);
        if (link is null) return LinkGone();
        if (!passes.Holds(Request, PassKind.PortalDownload, link.Grant.Id)) return Redirect(PathFor(token));
        var stream = documents.TryOpenRead(link.Package.StorageKey);
        if (stream is null)
        {
            logger.LogError("Release package {DocumentId} of request {RequestId} is missing from storage", link.Package.Id, link.Request.Id);
            return LinkGone();
        }

        // A HEAD request hands out no records, so it is not a disclosure.
        if (!HttpMethods.IsHead(Request.Method)) await recorder.RecordAsync(link.Grant.Id, cancellationToken);
        Response.Headers.XContentTypeOptions = "nosniff";
        var contentType = string.IsNullOrWhiteSpace(link.Package.ContentType) ? "application/octet-stream" : link.Package.ContentType;
        return File(stream, contentType, DownloadName(link.Request.TrackingNumber));
    }

    /// <summary>The file the requester saves: named after the tracking number (as the e-mailed file is), never after
    /// the name the clerk's upload had, which may name the patient or a working copy. Release packages are PDFs.</summary>
    public static string DownloadName(string trackingNumber) => $"records-{trackingNumber}.pdf";
}
