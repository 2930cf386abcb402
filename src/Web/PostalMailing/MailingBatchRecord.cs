namespace BackOffice.Web.PostalMailing;

/// <summary>What staff see of a past batch and what its download serves.</summary>
public sealed record MailingBatchRecord(string Id, DateOnly Day, DateTimeOffset CreatedAt, string CreatedBy, string FileName,
    IReadOnlyList<MailedRequest> Mailed, IReadOnlyList<SkippedRequest> Skipped);
