using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// What an activity sees and may do during one transition. Side effects are collected as rows (outbox,
/// disclosures) and written with the transition, so they happen only if it commits.
/// </summary>
public sealed class ActivityContext(RecordsRequest request, Actor actor, TriggerArgs args, DepartmentClock clock, string trigger)
{
    private readonly List<OutboxMessage> _outbox = [];
    private readonly List<Disclosure> _disclosures = [];

    public RecordsRequest Request { get; } = request;
    public Actor Actor { get; } = actor;
    public TriggerArgs Args { get; } = args;
    public DepartmentClock Clock { get; } = clock;
    public string Trigger { get; } = trigger;
    public int? RuleSetVersionUsed { get; set; }
    /// <summary>Set when due-anchored timers must be re-planned (the deadline moved).</summary>
    public bool DueDateChanged { get; set; }
    /// <summary>Set when the request closes, so every pending timer is retired.</summary>
    public bool Closed { get; set; }

    public IReadOnlyList<OutboxMessage> Outbox => _outbox;
    public IReadOnlyList<Disclosure> Disclosures => _disclosures;

    /// <summary>A message carries the facts of this moment (<see cref="MessageFacts"/>); a document reads the journal.</summary>
    public void Enqueue(OutboxKind kind, string type) =>
        _outbox.Add(OutboxMessage.Create(Request.Id, kind, type, Clock.Now,
            kind == OutboxKind.Document ? null : MessageFacts.Of(Request, Clock.Now)));

    public void LogDisclosure(Disclosure disclosure) => _disclosures.Add(disclosure);
}
