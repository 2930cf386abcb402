namespace BackOffice.Web.PostalMailing;

/// <summary>A request that was due to be mailed but was not marked, and why.</summary>
public sealed record SkippedRequest(Guid RequestId, string TrackingNumber, string Reason);
