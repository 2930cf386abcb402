namespace BackOffice.Workflows.Retention;

/// <summary>
/// One run of the retention policy, kept as its report (<c>/Staff/Retention</c>): when, by whom, dry or not, the policy in
/// force and the days it worked from, what it removed (or would have), and the requests it touched (the disclosures recorded
/// without a request it reduced are counted, not listed: they have no tracking number to show).
/// </summary>
public sealed class RetentionRun
{
    public const int MaxOutcomeLength = 1000;

    private readonly List<RetentionRunItem> _items = [];

    private RetentionRun() { }

    public Guid Id { get; private set; }
    /// <summary>The department's day the run worked from.</summary>
    public DateOnly Day { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>Listed what would go and changed nothing.</summary>
    public bool DryRun { get; private set; }
    public string StartedById { get; private set; } = "";
    public string StartedByName { get; private set; } = "";

    public int YearsAfterClosure { get; private set; }
    public int AuditYears { get; private set; }
    /// <summary>Requests closed before the start of this day (department time) were due.</summary>
    public DateOnly ClosedBefore { get; private set; }
    /// <summary>Disclosures from the start of this day on are still in the accounting (six years).</summary>
    public DateOnly AccountingSince { get; private set; }
    /// <summary>Audit rows from before the start of this day were due.</summary>
    public DateOnly AuditBefore { get; private set; }

    /// <summary>Requests whose personal data was removed in full (or would be).</summary>
    public int RequestsReduced { get; private set; }
    /// <summary>Requests reduced except the patient's identity, kept for a disclosure still in the accounting.</summary>
    public int RequestsKeptForAccounting { get; private set; }
    public int DocumentsRemoved { get; private set; }
    /// <summary>Disclosures recorded without a request (public-health reports, court orders…) whose patient, recipient,
    /// description and purpose were removed (or would be). Counted batch by batch in each batch's commit, so a run that
    /// stops still says how many it reduced.</summary>
    public int DisclosuresReduced { get; private set; }
    /// <summary>Mailing batches (letters and labels of requests all reduced) deleted.</summary>
    public int MailingBatchesRemoved { get; private set; }
    public int AuditRowsRemoved { get; private set; }
    /// <summary>Requests left as they were because they changed meanwhile or could not be reduced (see the log).</summary>
    public int RequestsSkipped { get; private set; }
    public string? Outcome { get; private set; }

    public IReadOnlyList<RetentionRunItem> Items => _items;

    public bool Finished => FinishedAt is not null;

    internal static RetentionRun Start(RetentionCutoffs cutoffs, RetentionOptions policy, bool dryRun, string byId, string byName, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        Day = cutoffs.Today,
        StartedAt = at,
        DryRun = dryRun,
        StartedById = Truncate(byId, 64),
        StartedByName = Truncate(byName, 200),
        YearsAfterClosure = policy.YearsAfterClosure,
        AuditYears = policy.AuditYears,
        ClosedBefore = cutoffs.ClosedBeforeDay,
        AccountingSince = cutoffs.AccountingSinceDay,
        AuditBefore = cutoffs.AuditBeforeDay,
    };

    /// <summary>Counted from the run's items when it ends, so a run cut short and finished later still adds up.</summary>
    internal void Finish(DateTimeOffset at, int reduced, int keptForAccounting, int documents, int mailingBatches, int auditRows, int skipped,
        string? outcome = null)
    {
        RequestsReduced = reduced;
        RequestsKeptForAccounting = keptForAccounting;
        DocumentsRemoved = documents;
        MailingBatchesRemoved = mailingBatches;
        AuditRowsRemoved = auditRows;
        RequestsSkipped = skipped;
        FinishedAt = at;
        Outcome = Truncate(outcome ?? Summary(), MaxOutcomeLength);
    }

    /// <summary>Adds disclosures recorded without a request that the run reduced (or, in a dry run, would reduce).</summary>
    internal void CountDisclosuresReduced(int count) => DisclosuresReduced += count;

    /// <summary>A run that stopped with an error: what it did is in its items; the error's kind is its outcome.</summary>
    internal void Fail(DateTimeOffset at, string outcome)
    {
        FinishedAt = at;
        Outcome = Truncate(outcome, MaxOutcomeLength);
    }

    /// <summary>The run summary in words (the audit row's outcome and the log's).</summary>
    public string Summary() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{(DryRun ? "dry run: would remove" : "removed")} the personal data of {RequestsReduced + RequestsKeptForAccounting} requests "
        + $"({RequestsKeptForAccounting} keeping the patient for the accounting of disclosures) and of {DisclosuresReduced} disclosures "
        + $"recorded without a request, {DocumentsRemoved} documents, "
        + $"{MailingBatchesRemoved} mailing batches and {AuditRowsRemoved} audit rows; {RequestsSkipped} skipped");

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
