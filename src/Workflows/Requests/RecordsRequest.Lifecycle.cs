namespace BackOffice.Workflows.Requests;

/// <summary>Lifecycle bookkeeping; only the lifecycle engine moves these.</summary>
public sealed partial class RecordsRequest
{
    public string State { get; internal set; } = "";
    public string DefinitionName { get; internal set; } = "";
    /// <summary>The lifecycle definition version the request started under; it keeps that version for life.</summary>
    public int DefinitionVersion { get; internal set; }
    /// <summary>Counts state entries, so a timer set in an earlier visit to a state can tell it is stale.</summary>
    public int StateSequence { get; internal set; }
    /// <summary>
    /// Queue order: 0 for open requests someone must act on first (an urgent state such as a pickup call),
    /// 1 for other open requests, 2 once closed. Kept by the engine so the queue sorts on one indexed column.
    /// </summary>
    public int QueuePriority { get; internal set; } = 1;

    /// <summary>Optimistic concurrency token: every change through the engine increments it.</summary>
    public int Version { get; internal set; }
    public DateTimeOffset CreatedAt { get; internal set; }
    public DateTimeOffset UpdatedAt { get; internal set; }

    /// <summary>Counts journal entries, so each gets the next sequence number.</summary>
    public int JournalSequence { get; internal set; }

    internal void Touch() => Version++;

    internal static RecordsRequest ForDiagram(string state) => new() { State = state };
}
