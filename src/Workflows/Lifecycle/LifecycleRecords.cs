using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>One step in a request's history: who fired what, from where to where, and why it was allowed.</summary>
public sealed class JournalEntry
{
    public long Id { get; private set; }
    public Guid RequestId { get; private set; }
    public int Sequence { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Trigger { get; private set; } = "";
    public string? FromState { get; private set; }
    public string ToState { get; private set; } = "";
    public string? Comment { get; private set; }
    /// <summary>Each guard of the transition with whether it held, e.g. {"PagesCounted":true}.</summary>
    public Dictionary<string, bool> GuardResults { get; private set; } = [];
    /// <summary>The inputs given with the action (page counts, reason, check number).</summary>
    public Dictionary<string, string?> Inputs { get; private set; } = [];
    public int? RuleSetVersion { get; private set; }
    public int DefinitionVersion { get; private set; }

    internal static JournalEntry Create(RecordsRequest request, int sequence, DateTimeOffset at, Actor actor, string trigger,
        string? from, string to, string? comment, Dictionary<string, bool> guards, IReadOnlyDictionary<string, string?> inputs,
        int? ruleSetVersion) => new()
        {
            RequestId = request.Id,
            Sequence = sequence,
            OccurredAt = at,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            Trigger = trigger,
            FromState = from,
            ToState = to,
            Comment = comment,
            GuardResults = guards,
            Inputs = new Dictionary<string, string?>(inputs),
            RuleSetVersion = ruleSetVersion,
            DefinitionVersion = request.DefinitionVersion,
        };
}

public enum OutboxKind
{
    RequesterMessage,
    StaffMessage,
    Document,
}

/// <summary>
/// A side effect promised by a committed transition. It holds ids and a type, never patient data; the
/// worker that sends it reads the request, and marks it processed so it is done at most once.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public OutboxKind Kind { get; private set; }
    public string Type { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    internal static OutboxMessage Create(Guid requestId, OutboxKind kind, string type, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(), RequestId = requestId, Kind = kind, Type = type, CreatedAt = at };
}

public enum TimerOutcome
{
    Fired,
    Stale,
    Refused,
    Retired,
}

/// <summary>A planned timer; the sweep fires it once when due, or retires it when it no longer applies.</summary>
public sealed class ScheduledTimer
{
    private ScheduledTimer() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Name { get; private set; } = "";
    public TimerAnchor Anchor { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    /// <summary>For a state timer, the state visit it belongs to; null for request timers.</summary>
    public int? StateSequence { get; private set; }
    public string? Trigger { get; private set; }
    public string? Activity { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public TimerOutcome? Outcome { get; private set; }

    internal static ScheduledTimer Plan(Guid requestId, TimerDefinition definition, DateTimeOffset dueAt, int? stateSequence) => new()
    {
        Id = Guid.CreateVersion7(),
        RequestId = requestId,
        Name = definition.Name,
        Anchor = definition.Anchor,
        DueAt = dueAt,
        StateSequence = stateSequence,
        Trigger = definition.Trigger,
        Activity = definition.Activity,
        Comment = definition.Comment,
    };

    internal void Complete(TimerOutcome outcome, DateTimeOffset at)
    {
        Outcome = outcome;
        CompletedAt = at;
    }
}

/// <summary>A lifecycle definition version as registered; requests pinned to it keep running on it.</summary>
public sealed class LifecycleDefinitionRecord
{
    public string Name { get; set; } = "";
    public int Version { get; set; }
    public string Json { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
}
