using BackOffice.Web.Http;
using BackOffice.Web.Localization;
using BackOffice.Web.Site;
using BackOffice.Web.Pdf;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Retention;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>
/// The authorization form filled in from a request made online (<see cref="AuthorizationFormPdf.Filled"/>): what the
/// requester read and signed with the typed e-signature, in the language they read it in — the request's signed
/// authorization on paper for the file, a disclosure or a requester who asks for a copy. Only for online requests (a
/// paper or API request has its signed scan among the documents) whose personal data retention has not removed.
/// </summary>
public sealed partial class DetailsModel
{
    public const string AuthorizationFormAuditAction = "ViewAuthorizationForm";

    /// <summary>Whether the page offers the filled form for <paramref name="request"/>.</summary>
    public static bool OffersAuthorizationForm(RecordsRequest request) =>
        request is { Channel: RequestChannel.Online, RetentionStage: RetentionStage.Kept };

    /// <summary>The language the filled form is in, in words, for the link.</summary>
    public string AuthorizationFormLanguage => Item.Language == SiteLanguages.Spanish ? "Spanish" : "English";

    public async Task<IActionResult> OnGetAuthorizationFormAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        var offered = request is not null && OffersAuthorizationForm(request);
        await audit.RecordAsync(AuthorizationFormAuditAction, id, outcome: offered ? "done" : "not offered", cancellationToken: cancellationToken);
        if (!offered) return NotFound();

        var pdf = AuthorizationFormPdf.Filled(sites.For(request!.Language), request);
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName($"{request.TrackingNumber}-{AuthorizationFormPdf.FileName(request.Language)}");
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.MarkNoStore();
        return File(pdf, "application/pdf");
    }
}
