namespace BackOffice.Workflows.Lifecycle;

public sealed record FireResult(string FromState, string ToState, int Version, IReadOnlyList<JournalEntry> Journal);
