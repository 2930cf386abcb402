using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>One step in a request's history: who fired what, from where to where, and why it was allowed.</summary>
public sealed class JournalEntry
{
    private Dictionary<string, bool> _guardResults = [];
    private Dictionary<string, string?> _inputs = [];

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
    public IReadOnlyDictionary<string, bool> GuardResults => _guardResults;
    /// <summary>The inputs given with the action (page counts, reason, check number).</summary>
    public IReadOnlyDictionary<string, string?> Inputs => _inputs;
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
            _guardResults = guards,
            _inputs = new Dictionary<string, string?>(inputs),
            RuleSetVersion = ruleSetVersion,
            DefinitionVersion = request.DefinitionVersion,
        };

    /// <summary>The retention policy: the step (who, when, from, to, the guards) stays; what was typed with it goes, and a
    /// requester's name (staff names stay: the audit needs them).</summary>
    internal void RemovePersonalData()
    {
        if (ActorId == Actor.RequesterId) ActorName = "the requester";
        Comment = Comment is null ? null : RecordsRequest.RemovedText;
        _inputs = [];
    }
}
