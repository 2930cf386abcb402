using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Documents;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// Step 7: the e-signature (typed full name and the agreement that it is a signature; the time and address are
/// recorded by the server when the request is sent) and the photo ID, with an optional supporting document.
/// Uploads are stored as soon as they arrive, so they survive the step failing its checks.
/// </summary>
[UploadLimits(Files = 2)]
public sealed class SignModel(WizardStore store, DepartmentClock clock, LocalizedSite site, DocumentStore documents,
    WizardUploads uploads)
    : RequestStepModel(RequestStep.Sign, store, clock, site)
{
    [BindProperty] public SignatureInput Signature { get; set; } = new();
    [BindProperty] public IFormFile? PhotoId { get; set; }
    [BindProperty] public IFormFile? SupportingDocument { get; set; }

    public string MaxSize => documents.MaxSizeText;

    public DraftDocument? Uploaded(DocumentKind kind) => Form.Documents.Find(d => d.Kind == kind);

    protected override void Show(AuthorizationFormInput form) => Signature = form.Signature;

    protected override void Keep(AuthorizationFormInput form) => form.Signature = Signature;

    protected override async Task ReceiveAsync(RequestWizardState state)
    {
        await ReceiveAsync(state, PhotoId, DocumentKind.PhotoId, nameof(PhotoId));
        await ReceiveAsync(state, SupportingDocument, DocumentKind.Supporting, nameof(SupportingDocument));
    }

    /// <summary>An online request comes with the signer's photo ID (a paper form comes with its scan instead).</summary>
    public static IEnumerable<FieldError> PhotoIdCheck(AuthorizationFormInput form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!form.Documents.Exists(d => d.Kind == DocumentKind.PhotoId))
            yield return new("PhotoId", WizardWords.Text("Upload a photo or scan of the signer's photo ID."));
    }

    // One file per kind: a new upload replaces the earlier one. A refused file keeps the earlier one. The upload is
    // recorded (and the limits checked) before its file is written; a refusal writes nothing.
    private async Task ReceiveAsync(RequestWizardState state, IFormFile? file, DocumentKind kind, string field)
    {
        if (file is null || file.Length == 0) return;
        if (file.Length > documents.MaxBytes)
        {
            ModelState.AddModelError(field, WizardWords.Format("This file is larger than {0}. Upload a smaller scan or photo.", documents.MaxSizeText));
            return;
        }

        var (key, refusal) = await uploads.ReserveAsync(state.SubmissionId, HttpContext.Connection.RemoteIpAddress, file.Length,
            HttpContext.RequestAborted);
        if (refusal is not null)
        {
            Refuse(field, refusal);
            return;
        }

        DraftDocument saved;
        try
        {
            await using var content = file.OpenReadStream();
            saved = await documents.SaveAsync(key!, content, file.FileName, kind, HttpContext.RequestAborted);
        }
        catch (DocumentRejectedException rejected)
        {
            await uploads.ReleaseAsync(key!);
            ModelState.AddModelError(field, rejected.Message);
            return;
        }
        catch
        {
            await uploads.ReleaseAsync(key!);
            throw;
        }

        if (Uploaded(kind) is { } earlier)
        {
            state.Form.Documents.Remove(earlier);
            await uploads.DiscardAsync(state.SubmissionId, earlier.StorageKey);
        }

        state.Form.Documents.Add(saved);
    }

    // The message goes next to the field; the page answers with the refusal's status (the first one when both files were refused).
    private void Refuse(string field, UploadRefusal refusal)
    {
        ModelState.AddModelError(field, refusal.Message);
        if (Response.StatusCode != StatusCodes.Status200OK) return;
        Response.StatusCode = refusal.StatusCode;
        if (refusal.RetryAfter is { } wait) RateLimits.SetRetryAfter(Response, wait);
    }
}
