using System.Security.Cryptography;
using System.Text.Json;
using BackOffice.Web.Documents;
using BackOffice.Web.Jobs;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Uploads;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.RequesterApi;

/// <summary>What <c>POST /api/v1/authorizations</c> answers: the id to name in the request, and until when it is kept.</summary>
public sealed record UploadedAuthorization(string AuthorizationUploadId, long Size, DateTimeOffset KeptUntil);

/// <summary>
/// The separate upload of a signed authorization (<c>POST /api/v1/authorizations</c>: the PDF as the body, or as the
/// multipart part <c>file</c>), for clients that send the form as plain JSON: the request then names the upload in
/// <c>authorizationUploadId</c>. The file is recorded as a staged upload of the organisation before it is written (as the
/// online form's uploads are), so the request takes it over in the commit that creates it and the abandoned-uploads job
/// deletes it when no request does within <see cref="AbandonedUploadsJob.KeepFor"/>. The id is protected (Data
/// Protection, bound to the organisation): it names no file another organisation could use.
/// </summary>
public sealed class AuthorizationUploads(BackOfficeDbContext db, DocumentStore documents, IDataProtectionProvider protection, TimeProvider time)
{
    public const string FilePart = "file";
    public const string IdField = "authorizationUploadId";
    /// <summary>Signed authorizations an organisation may have uploaded and not yet sent with a request.</summary>
    public const int MaxUnsentPerOrganisation = 20;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var organisation = ApiCaller.Of(http).Organisation;
        Stream? content = null;
        string? fileName = "signed-authorization.pdf";
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (form.Files.GetFile(FilePart) is { Length: > 0 } file)
            {
                content = file.OpenReadStream();
                fileName = file.FileName;
            }
        }
        else if (http.Request.ContentType?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true)
        {
            content = http.Request.Body;
        }

        if (content is null)
            return ApiProblems.Invalid(FilePart, "Send the signed authorization as the body (application/pdf) or in the multipart part \"file\".");

        await using (content)
        {
            if (await db.StagedUploads.CountAsync(u => u.WizardId == organisation.Id, http.RequestAborted) >= MaxUnsentPerOrganisation)
            {
                return ApiProblems.Conflict($"Your organization has {MaxUnsentPerOrganisation} uploaded authorizations not yet sent with a request.",
                    "Send requests naming them, or wait: uploads not used within about two hours are deleted.");
            }

            // Recorded before the file is written, so no stored file goes unrecorded (the abandoned-uploads job deletes it).
            var now = time.GetUtcNow();
            var staged = StagedUpload.Stage(documents.NewStorageKey(), organisation.Id, "api:" + organisation.Id.ToString("N"),
                http.Request.ContentLength ?? 0, now);
            db.StagedUploads.Add(staged);
            await db.SaveChangesAsync(CancellationToken.None);
            DraftDocument saved;
            try
            {
                saved = await documents.SaveAsync(staged.StorageKey, content, fileName, DocumentKind.AuthorizationScan, http.RequestAborted);
            }
            catch (DocumentRejectedException rejected)
            {
                await ForgetAsync(staged.StorageKey);
                return ApiProblems.Invalid(FilePart, rejected.Message);
            }

            if (saved.ContentType != "application/pdf")
            {
                documents.Delete(saved.StorageKey);
                await ForgetAsync(saved.StorageKey);
                return ApiProblems.Invalid(FilePart, "The signed authorization must be a PDF.");
            }

            var keptUntil = now + AbandonedUploadsJob.KeepFor;
            var id = Protector(organisation.Id).Protect(JsonSerializer.Serialize(saved), keptUntil);
            return Results.Created((string?)null, new UploadedAuthorization(id, saved.Size, keptUntil));
        }
    }

    /// <summary>The upload an id names, for this organisation only; null when the id is not one (or no longer valid).</summary>
    public DraftDocument? Read(Guid organisationId, string id)
    {
        try
        {
            var document = JsonSerializer.Deserialize<DraftDocument>(Protector(organisationId).Unprotect(id));
            return document is { Kind: DocumentKind.AuthorizationScan } ? document : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private Task<int> ForgetAsync(string storageKey) =>
        db.StagedUploads.Where(u => u.StorageKey == storageKey).ExecuteDeleteAsync(CancellationToken.None);

    private ITimeLimitedDataProtector Protector(Guid organisationId) =>
        protection.CreateProtector("BackOffice.RequesterApi.AuthorizationUpload", organisationId.ToString("N")).ToTimeLimitedDataProtector();
}
