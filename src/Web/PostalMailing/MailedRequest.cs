namespace BackOffice.Web.PostalMailing;

/// <summary>A request a batch mailed.</summary>
public sealed record MailedRequest(Guid RequestId, string TrackingNumber);
