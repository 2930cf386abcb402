namespace BackOffice.Web.SecureEmail;

/// <summary>Delivery of records by e-mail (<c>BackOffice:SecureEmail</c>).</summary>
public sealed class SecureEmailOptions
{
    public const string Section = "BackOffice:SecureEmail";

    /// <summary>
    /// The largest file sent as an attachment (encrypted, or unencrypted at the patient's request); a larger package goes
    /// as a secure download link instead, since many mail servers refuse large messages. Default 10 MB.
    /// </summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
}
