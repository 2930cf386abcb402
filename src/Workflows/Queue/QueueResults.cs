using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Queue;

/// <summary>One queue line: only the columns the queue shows, so the query reads no more than it needs.</summary>
public sealed record QueueRow(
    Guid Id,
    string TrackingNumber,
    string PatientLastName,
    string PatientFirstName,
    DateOnly DateOfBirth,
    string State,
    int QueuePriority,
    DateOnly ReceivedOn,
    DateOnly DueOn,
    DateOnly? ExtendedDueOn,
    RequestChannel Channel,
    DeliveryMethod Delivery,
    RequesterType RequesterType,
    string? AssigneeId)
{
    public DateOnly EffectiveDueOn => ExtendedDueOn ?? DueOn;
    public bool IsUrgent => QueuePriority == 0;
    public bool IsClosed => QueuePriority == 2;
    public bool IsOverdueOn(DateOnly today) => !IsClosed && EffectiveDueOn < today;
}

/// <summary>One page of the queue; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, string? NextCursor, DateOnly Today, QueueSearch? Search);

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
