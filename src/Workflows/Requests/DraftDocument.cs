namespace BackOffice.Workflows.Requests;

/// <summary>A file already stored (outside the web root) that becomes one of the request's documents.</summary>
public sealed record DraftDocument(DocumentKind Kind, string FileName, string ContentType, long Size, string StorageKey,
    string Sha256, DateTimeOffset UploadedAt);
