using BackOffice.Web.Documents;
using BackOffice.Web.Labels;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.RequesterApi;

/// <summary>What <c>POST /api/v1/requests/{trackingNumber}/documents</c> answers.</summary>
public sealed record AddedDocument(Guid Id, string Kind, string FileName, string ContentType, long Size);

/// <summary>
/// <c>POST /api/v1/requests/{trackingNumber}/documents</c>: the organisation answers a hold for missing information with a
/// document (a corrected authorization, letters of office, a court order): multipart, the file in the part <c>file</c>
/// (PDF, JPEG or PNG, checked by its bytes) and its kind in <c>kind</c> (AuthorizationScan, the default, or Supporting).
/// It is attached to the request with a note for the clerk, who checks it and records that the information arrived
/// (the release rules are then evaluated again). Refused once the request is closed.
/// </summary>
public sealed class RequestDocuments(BackOfficeDbContext db, DocumentStore documents, TimeProvider time, ILogger<RequestDocuments> logger)
{
    public const string FilePart = "file";
    public const string KindPart = "kind";

    public async Task<IResult> HandleAsync(HttpContext http, string trackingNumber)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = ApiCaller.Of(http);
        var request = await RequestStatus.FindAsync(db, caller, trackingNumber, http.RequestAborted, tracked: true);
        if (request is null) return ApiProblems.NotFound();
        ApiKeyCheck.AuditRequest(http, request.Id);
        if (request.ClosedAt is not null)
            return ApiProblems.Conflict("The request is closed; documents can no longer be added.", $"It ended as: {PlainWords.State(request.State)}.");
        if (!http.Request.HasFormContentType)
            return ApiProblems.Invalid("body", "Send multipart/form-data with the document in the part \"file\".");

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return ApiProblems.Invalid("body", "The multipart body could not be read.");
        }

        var kind = DocumentKind.AuthorizationScan;
        if (form.TryGetValue(KindPart, out var kindText) && kindText.Count > 0
            && (!Enum.TryParse(kindText.ToString(), ignoreCase: true, out kind) || kind is not (DocumentKind.AuthorizationScan or DocumentKind.Supporting)
                || int.TryParse(kindText.ToString(), out _)))
            return ApiProblems.Invalid(KindPart, "Use AuthorizationScan (a signed or corrected authorization) or Supporting (letters of office, a court order…).");
        if (form.Files.GetFile(FilePart) is not { Length: > 0 } file)
            return ApiProblems.Invalid(FilePart, "Send the document in the part \"file\".");

        DraftDocument saved;
        try
        {
            await using var content = file.OpenReadStream();
            saved = await documents.SaveAsync(content, file.FileName, kind, http.RequestAborted);
        }
        catch (DocumentRejectedException rejected)
        {
            return ApiProblems.Invalid(FilePart, rejected.Message);
        }

        var now = time.GetUtcNow();
        var document = request.AddDocument(kind, saved.FileName, saved.ContentType, saved.Size, saved.StorageKey, saved.Sha256, saved.UploadedAt);
        request.AddNote(caller.DisplayName,
            $"Sent through the requester API: {PlainWords.Of(kind).ToLowerInvariant()} ({saved.FileName}). Check it; if it answers the request for information, record that the information arrived.",
            now);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            documents.Delete(saved.StorageKey);
            throw;
        }

        logger.LogInformation("Requester API document {DocumentId} added to request {TrackingNumber}", document.Id, request.TrackingNumber);
        return Results.Created(RequesterApiEndpoints.RequestPath(request.TrackingNumber),
            new AddedDocument(document.Id, kind.ToString(), document.FileName, document.ContentType, document.Size));
    }
}
