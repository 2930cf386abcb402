namespace BackOffice.Workflows.Queue;

/// <summary>
/// Totals over every request (not the current filter), as of <see cref="AsOf"/>: counting a million rows on
/// every page view would cost more than the page itself, so they are cached briefly.
/// </summary>
public sealed record QueueCounts(
    IReadOnlyDictionary<string, int> OpenByState,
    int Open,
    int Urgent,
    int Overdue,
    int DueSoon,
    int Unassigned,
    int Closed,
    int DueWithinDays,
    DateTimeOffset AsOf);
