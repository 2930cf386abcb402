namespace BackOffice.Web.Documents;

/// <summary>Limits for uploaded documents (<c>BackOffice:Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "BackOffice:Documents";

    /// <summary>The largest file accepted, in bytes (default 10 MB).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}
