namespace BackOffice.Workflows.Queue;

public enum DueFilter
{
    Any,
    Overdue,
    /// <summary>Not overdue, but due within <see cref="QueueFilter.DueWithinDays"/> days.</summary>
    DueSoon,
}
