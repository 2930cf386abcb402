using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Queue;

public enum QueueSort
{
    /// <summary>Urgent first (pickup calls), then the earliest due date: the order work should be done in.</summary>
    Due,
    /// <summary>Newest received first.</summary>
    Received,
    TrackingNumber,
}

public enum DueFilter
{
    Any,
    Overdue,
    /// <summary>Not overdue, but due within <see cref="QueueFilter.DueWithinDays"/> days.</summary>
    DueSoon,
}

public enum AssigneeFilter
{
    Anyone,
    Me,
    Unassigned,
    User,
}

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

/// <summary>How the search box was understood; the page says so, so a clerk knows why nothing matched.</summary>
public sealed record QueueSearch(QueueSearchKind Kind, string? TrackingNumber = null, DateOnly? DateOfBirth = null, string? NamePrefix = null)
{
    public static QueueSearch? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        // A date first: "1980-04-12" has the right length and alphabet to look like nothing else, but be sure.
        if (DateInput.Parse(trimmed) is { } dob)
            return new QueueSearch(QueueSearchKind.DateOfBirth, DateOfBirth: dob);
        if (Requests.TrackingNumber.Normalize(trimmed) is { } tracking)
            return new QueueSearch(QueueSearchKind.TrackingNumber, TrackingNumber: tracking);
        return new QueueSearch(QueueSearchKind.NamePrefix, NamePrefix: NameKeyPrefix(trimmed));
    }

    /// <summary>"Lopez, Maria" and "lopez  maria" both become "LOPEZ MARIA", the form of <see cref="RecordsRequest.PatientNameKey"/>.</summary>
    private static string NameKeyPrefix(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var key = comma >= 0
            ? RecordsRequest.NameKey(text[..comma], text[(comma + 1)..])
            : RecordsRequest.NameKey(text);
        return string.Join(' ', key.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

public enum QueueSearchKind
{
    TrackingNumber,
    DateOfBirth,
    NamePrefix,
}
