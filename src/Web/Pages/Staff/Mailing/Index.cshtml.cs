using BackOffice.Web.Http;
using System.Globalization;
using BackOffice.Web.Identity;
using BackOffice.Web.PostalMailing;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace BackOffice.Web.Pages.Staff.Mailing;

/// <summary>
/// The daily mailing batch: the requests ready to go by mail, one button that marks them mailed and prints their
/// letters and labels, and the past batches to download again. Creating a batch is audited per request mailed
/// ("Action:Mail") and for the batch ("CreateMailingBatch"); every download per request in it ("DownloadMailingBatch").
/// </summary>
[Authorize(Policy = StaffPolicies.Clerk)]
public sealed class IndexModel(MailingBatchService batches, MailingBatchStore store, IAuditTrail audit, DepartmentClock clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public IReadOnlyList<MailingCandidate> Candidates { get; private set; } = [];
    public IReadOnlyList<MailingBatchRecord> Batches { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>The requests the last batch could not mark, one "tracking number: reason" per line.</summary>
    [TempData]
    public string? SkippedMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.Today;
        Candidates = await batches.CandidatesAsync(cancellationToken);
        Batches = await store.ListAsync(cancellationToken);
        await audit.RecordAsync("ViewMailing", null, outcome: $"{Candidates.Count} to mail, {Batches.Count} batches", cancellationToken: cancellationToken);
    }

    /// <summary>Post/redirect/get; a second click waits for the first batch and then finds nothing left to mail.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var result = await batches.CreateAsync(clock.Today, User.ToActor(), cancellationToken);
        foreach (var mailed in result.Mailed)
            await audit.RecordAsync("Action:" + MailingBatchService.MailTrigger, mailed.RequestId, result.BatchId, "done (mailing batch)", cancellationToken);
        foreach (var skipped in result.Skipped)
            await audit.RecordAsync("Action:" + MailingBatchService.MailTrigger, skipped.RequestId, "mailing batch", "refused: " + skipped.Reason, cancellationToken);
        var counts = string.Create(CultureInfo.InvariantCulture, $"{result.Mailed.Count} mailed, {result.Skipped.Count} skipped");
        await audit.RecordAsync("CreateMailingBatch", null, result.BatchId, counts, cancellationToken);

        StatusMessage = result.Created
            ? string.Create(CultureInfo.InvariantCulture,
                $"Mailing batch {result.BatchId} created: {result.Mailed.Count} request{(result.Mailed.Count == 1 ? "" : "s")} marked mailed. Download it below and print it.")
            : "Nothing was mailed: no request is ready to go by mail.";
        SkippedMessage = result.Skipped.Count == 0 ? null : string.Join('\n', result.Skipped.Select(s => $"{s.TrackingNumber}: {s.Reason}"));
        return RedirectToPage();
    }

    /// <summary>The batch PDF as a download (never shown inline, never cached).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? batch, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(batch, cancellationToken);
        if (record is null)
        {
            await audit.RecordAsync("DownloadMailingBatch", null, batch, "not found", cancellationToken);
            return NotFound();
        }

        var stream = await batches.OpenPdfAsync(record, cancellationToken);
        foreach (var mailed in record.Mailed)
            await audit.RecordAsync("DownloadMailingBatch", mailed.RequestId, record.Id, "done", cancellationToken);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(record.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.MarkNoStore();
        return File(stream, "application/pdf");
    }
}
