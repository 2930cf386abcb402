namespace BackOffice.Web.Documents;

/// <summary>Limits for uploaded documents (<c>BackOffice:Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "BackOffice:Documents";

    /// <summary>The largest file accepted, in bytes (default 10 MB).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Files the online request takes from one client address within <see cref="AddressWindowMinutes"/>
    /// (default 20), whatever became of them (sent, replaced or abandoned). An IPv6 address counts by its /64.</summary>
    public int UploadsPerAddress { get; set; } = 20;

    /// <summary>Bytes the online request takes from one client address within <see cref="AddressWindowMinutes"/>
    /// (default 100 MB).</summary>
    public long UploadBytesPerAddress { get; set; } = 100L * 1024 * 1024;

    /// <summary>The window of the per-address limits, in minutes (default 60).</summary>
    public int AddressWindowMinutes { get; set; } = 60;

    /// <summary>Files one online request (one wizard) may have stored and not sent (default 6). A wizard keeps one
    /// file per kind, replacing deletes the earlier one, so only replayed or repeated posts come near it.</summary>
    public int UploadsPerWizard { get; set; } = 6;

    /// <summary>The most all unsent online requests together may have stored, in bytes (default 2 GB); past it the
    /// online request takes no upload until requests are sent or abandoned ones deleted.</summary>
    public long UnsentUploadBytesCeiling { get; set; } = 2L * 1024 * 1024 * 1024;

    public TimeSpan AddressWindow => TimeSpan.FromMinutes(Math.Max(1, AddressWindowMinutes));
}
