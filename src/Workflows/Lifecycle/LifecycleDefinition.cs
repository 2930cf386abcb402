using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>A lifecycle as data (workflows/*.json): states, transitions, guards, activities and timers.</summary>
public sealed record LifecycleDefinition
{
    public required string Name { get; init; }
    public required int Version { get; init; }
    public required string InitialState { get; init; }
    /// <summary>Activities run when a request is created, before it enters the initial state.</summary>
    public IReadOnlyList<string> StartActivities { get; init; } = [];
    public IReadOnlyList<StateDefinition> States { get; init; } = [];
    public IReadOnlyList<TransitionDefinition> Transitions { get; init; } = [];
    /// <summary>Timers that run for the whole open life of a request (due-date warnings, overdue).</summary>
    public IReadOnlyList<TimerDefinition> RequestTimers { get; init; } = [];

    public StateDefinition? FindState(string name) => States.FirstOrDefault(s => s.Name == name);

    public bool IsFinal(string state) => FindState(state)?.Final ?? false;

    /// <summary>Transitions leaving <paramref name="state"/>, with "*" expanded to every open state.</summary>
    public IEnumerable<TransitionDefinition> TransitionsFrom(string state) =>
        Transitions.Where(t => t.From.Contains(state) || (t.From.Contains(AnyOpenState) && !IsFinal(state)));

    public const string AnyOpenState = "*";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static LifecycleDefinition Parse(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<LifecycleDefinition>(json, JsonOptions)
                ?? throw new LifecycleDefinitionException(source, ["the file is empty"]);
        }
        catch (JsonException ex)
        {
            throw new LifecycleDefinitionException(source, [$"not valid lifecycle JSON: {ex.Message}"]);
        }
    }
}

public sealed record StateDefinition
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public bool Final { get; init; }
    /// <summary>Open states that put a request first in the queue (an associate must act).</summary>
    public bool Urgent { get; init; }
    public IReadOnlyList<string> Entry { get; init; } = [];
    public IReadOnlyList<TimerDefinition> Timers { get; init; } = [];
}

public sealed record TransitionDefinition
{
    public required string Trigger { get; init; }
    public string? Label { get; init; }
    public IReadOnlyList<string> From { get; init; } = [];
    /// <summary>Destination; absent for an internal transition that records data without moving.</summary>
    public string? To { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public IReadOnlyList<string> Guards { get; init; } = [];
    public IReadOnlyList<string> Activities { get; init; } = [];
    /// <summary>Fired by the engine itself as soon as its guards hold.</summary>
    public bool Automatic { get; init; }

    public bool IsInternal => To is null;
}

/// <summary>
/// A timer: after a delay from its anchor it fires a trigger or runs an activity (a reminder). State timers
/// are void once the request leaves the state; request timers run until the request closes.
/// </summary>
public sealed record TimerDefinition
{
    public required string Name { get; init; }
    public TimerAnchor Anchor { get; init; } = TimerAnchor.StateEntered;
    public int AfterDays { get; init; }
    public int AfterBusinessDays { get; init; }
    public string? Trigger { get; init; }
    /// <summary>An activity reference run when the timer fires, e.g. "Notify:PaymentReminder".</summary>
    public string? Activity { get; init; }
    public string? Comment { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<TimerAnchor>))]
public enum TimerAnchor
{
    StateEntered,
    Received,
    Due,
}

public sealed class LifecycleDefinitionException : Exception
{
    public LifecycleDefinitionException(string source, IReadOnlyList<string> problems)
        : base($"Lifecycle definition {source} is not valid: " + string.Join("; ", problems))
    {
        DefinitionSource = source;
        Problems = problems;
    }

    public LifecycleDefinitionException() : this("(unknown)", []) { }

    public LifecycleDefinitionException(string message) : base(message) => Problems = [];

    public LifecycleDefinitionException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    public string? DefinitionSource { get; }

    public IReadOnlyList<string> Problems { get; } = [];
}
