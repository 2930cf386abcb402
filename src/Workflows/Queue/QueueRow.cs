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
