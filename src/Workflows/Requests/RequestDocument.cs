namespace BackOffice.Workflows.Requests;

/// <summary>An uploaded or produced file; the bytes live in document storage outside the web root.</summary>
public sealed class RequestDocument
{
    private RequestDocument() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string StorageKey { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }

    internal static RequestDocument Create(Guid requestId, DocumentKind kind, string fileName, string contentType,
        long size, string storageKey, string sha256, DateTimeOffset at) => new()
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            Kind = kind,
            FileName = fileName,
            ContentType = contentType,
            Size = size,
            StorageKey = storageKey,
            Sha256 = sha256,
            UploadedAt = at,
        };
}
