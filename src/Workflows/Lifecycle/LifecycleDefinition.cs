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
