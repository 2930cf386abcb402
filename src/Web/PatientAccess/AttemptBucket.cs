namespace BackOffice.Web.PatientAccess;

public enum AttemptBucket
{
    /// <summary>Every status lookup, per client address.</summary>
    StatusPerIp,
    /// <summary>Failed status lookups, per tracking number (known or not, so the limit reveals nothing).</summary>
    StatusFailuresPerTrackingNumber,
    /// <summary>Every date-of-birth or code attempt on the portal, per client address.</summary>
    PortalPerIp,
    PortalFailuresPerLink,
    PortalCodesPerLink,
    /// <summary>Fee estimates asked for (the <c>/fees</c> form and the API together), per client address.</summary>
    FeeEstimatesPerIp,
    /// <summary>Requester API calls, per API key.</summary>
    ApiCallsPerKey,
}
