namespace BackOffice.Web.PostalMailing;

/// <summary>The outcome of a run: the batch (null when nothing was mailed), the requests it mailed and those it could not.</summary>
public sealed record MailingBatchResult(string? BatchId, string? FilePath, IReadOnlyList<MailedRequest> Mailed, IReadOnlyList<SkippedRequest> Skipped)
{
    public bool Created => BatchId is not null;
}
