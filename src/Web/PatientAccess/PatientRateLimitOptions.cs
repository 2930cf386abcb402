namespace BackOffice.Web.PatientAccess;

/// <summary>How often strangers may try the patient lookups (<c>BackOffice:RateLimits</c>).</summary>
public sealed class PatientRateLimitOptions
{
    public int StatusLookupsPerIp { get; set; } = 10;
    public int StatusLookupWindowMinutes { get; set; } = 15;
    public int StatusFailuresPerTrackingNumber { get; set; } = 5;
    public int StatusFailureWindowMinutes { get; set; } = 60;
    public int PortalAttemptsPerIp { get; set; } = 10;
    public int PortalAttemptWindowMinutes { get; set; } = 15;
    /// <summary>Wrong dates of birth on one link.</summary>
    public int PortalFailuresPerLink { get; set; } = 5;
    /// <summary>Codes e-mailed for one link.</summary>
    public int PortalCodesPerLink { get; set; } = 5;
    public int PortalLinkWindowMinutes { get; set; } = 60;
    /// <summary>Fee estimates per minute per client address, the <c>/fees</c> form and <c>/api/fee-estimate</c> together.</summary>
    public int PublicApiPerMinute { get; set; } = 60;
    /// <summary>Requester API calls per minute per API key (<c>/api/v1</c>), counted across nodes.</summary>
    public int ApiCallsPerKeyPerMinute { get; set; } = 120;
}
