using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Queue;

/// <summary>What the queue shows. Every criterion narrows the list (they combine with AND).</summary>
public sealed record QueueFilter
{
    public const string OpenStates = "open";
    public const string ClosedStates = "closed";
    public const string AllStates = "all";
    public const int DefaultDueWithinDays = 5;
    public const int DefaultPageSize = 50;

    /// <summary><see cref="OpenStates"/> (default), <see cref="ClosedStates"/>, <see cref="AllStates"/> or one state's name.</summary>
    public string State { get; init; } = OpenStates;
    public DueFilter Due { get; init; }
    public int DueWithinDays { get; init; } = DefaultDueWithinDays;
    public RequestChannel? Channel { get; init; }
    public DeliveryMethod? Delivery { get; init; }
    public RequesterType? RequesterType { get; init; }
    public AssigneeFilter Assignee { get; init; }
    /// <summary>The signed-in user's id for <see cref="AssigneeFilter.Me"/>; the named user's for <see cref="AssigneeFilter.User"/>.</summary>
    public string? AssigneeId { get; init; }
    /// <summary>A tracking number, a date of birth, or the start of a patient name ("Lopez", "lopez, mar").</summary>
    public string? Search { get; init; }
    public QueueSort Sort { get; init; }
    /// <summary>The <see cref="QueuePage.NextCursor"/> of the previous page; null for the first page.</summary>
    public string? Cursor { get; init; }
    public int PageSize { get; init; } = DefaultPageSize;
}
