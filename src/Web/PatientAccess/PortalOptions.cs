namespace BackOffice.Web.PatientAccess;

/// <summary>The secure download portal (<c>BackOffice:Portal</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "BackOffice:Portal";

    /// <summary>How long a link e-mailed to the requester works. The lifecycle's own expiry timer (30 days in
    /// records-request v1) returns an undownloaded request to staff; keep the two equal.</summary>
    public int LinkDays { get; set; } = 30;
    /// <summary>How long a one-time code works after it is sent.</summary>
    public int CodeMinutes { get; set; } = 10;
    /// <summary>How long a browser that entered the right code may download before it must ask for a new code.</summary>
    public int DownloadMinutes { get; set; } = 15;
}
