namespace BackOffice.Web.PostalMailing;

/// <summary>A request ready to be mailed, as the mailing page lists it.</summary>
public sealed record MailingCandidate(Guid Id, string TrackingNumber, int Version, string RecipientName, string City, string State,
    decimal? FeeTotal, bool FeeWaived);
