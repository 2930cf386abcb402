namespace BackOffice.Workflows.Queue;

/// <summary>One page of the queue; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, string? NextCursor, DateOnly Today, QueueSearch? Search);
