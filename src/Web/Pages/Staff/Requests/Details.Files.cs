using BackOffice.Web.Documents;
using BackOffice.Web.Identity;
using BackOffice.Web.Labels;
using BackOffice.Workflows.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>Notes and the release package: additions to the request that are not lifecycle steps.</summary>
public sealed partial class DetailsModel
{
    public const string NoteField = "note";
    public const string PackageField = "package";

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? note, CancellationToken cancellationToken)
    {
        var request = await db.Requests.Include(r => r.Notes).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null) return NotFound();
        try
        {
            request.AddNote(User.DisplayName(), note ?? "", clock.Now);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(NoteField, ex.Message);
            return await ShowAgainAsync(id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("AddNote", id, outcome: "done", cancellationToken: cancellationToken);
        StatusMessage = "Note added.";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Attaches the release package (a PDF, checked by its bytes) that portal and secure e-mail delivery send. Refused once
    /// the request is closed: what was released is on record and must not change afterwards.
    /// </summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? package, CancellationToken cancellationToken)
    {
        var request = await db.Requests.Include(r => r.Documents).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null) return NotFound();
        if (definitions.Get(request.DefinitionName, request.DefinitionVersion).IsFinal(request.State))
        {
            ModelState.AddModelError(PackageField, $"The request is closed ({PlainWords.State(request.State).ToLowerInvariant()}); a release package can no longer be attached.");
            await audit.RecordAsync("UploadDocument", id, package?.FileName, "refused: the request is closed", cancellationToken);
            return await ShowAgainAsync(id, cancellationToken);
        }

        if (package is null || package.Length == 0)
        {
            ModelState.AddModelError(PackageField, "Choose the release package PDF to upload.");
            return await ShowAgainAsync(id, cancellationToken);
        }

        DraftDocument saved;
        try
        {
            await using var content = package.OpenReadStream();
            saved = await documents.SaveAsync(content, package.FileName, DocumentKind.ReleasePackage, cancellationToken);
        }
        catch (DocumentRejectedException ex)
        {
            ModelState.AddModelError(PackageField, ex.Message);
            await audit.RecordAsync("UploadDocument", id, package.FileName, "refused: " + ex.Message, cancellationToken);
            return await ShowAgainAsync(id, cancellationToken);
        }

        if (saved.ContentType != "application/pdf")
        {
            documents.Delete(saved.StorageKey);
            ModelState.AddModelError(PackageField, "The release package must be a PDF. This file is an image; save the records as one PDF.");
            await audit.RecordAsync("UploadDocument", id, package.FileName, "refused: not a PDF", cancellationToken);
            return await ShowAgainAsync(id, cancellationToken);
        }

        var document = request.AddDocument(DocumentKind.ReleasePackage, saved.FileName, saved.ContentType, saved.Size, saved.StorageKey,
            saved.Sha256, saved.UploadedAt);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("UploadDocument", id, document.Id.ToString(), "done", cancellationToken);
        StatusMessage = $"Release package {saved.FileName} attached.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAgainAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
