using BackOffice.Web.Labels;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Staff.Requests;

public enum StepStatus
{
    Done,
    /// <summary>Passed over: the request never needed this phase (no fee, so no payment).</summary>
    NotNeeded,
    Current,
    ToDo,
}

/// <summary>One phase in the request page's step indicator.</summary>
public sealed record DetailsStep(string Name, StepStatus Status, string? State)
{
    /// <summary>What a screen reader says before the phase name (the indicator shows it by its style).</summary>
    public string StatusWords => Status switch
    {
        StepStatus.Done => "Done:",
        StepStatus.NotNeeded => "Not needed:",
        StepStatus.Current => "Now:",
        _ => "To come:",
    };
}

/// <summary>The request's phases (<see cref="LifecyclePhases"/>) marked done, current or to come, from its state and journal.</summary>
public static class DetailsSteps
{
    public static IReadOnlyList<DetailsStep> For(LifecycleDefinition definition, RecordsRequest request, IEnumerable<JournalEntry> journal)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(journal);
        var phases = LifecyclePhases.Of(definition);
        var current = LifecyclePhases.IndexOf(phases, request.State);
        var visited = journal.SelectMany(j => new[] { j.FromState, j.ToState }).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. phases.Select((phase, i) => new DetailsStep(
            phase.Name,
            i == current ? StepStatus.Current
                : i > current ? StepStatus.ToDo
                : phase.States.Any(visited.Contains) ? StepStatus.Done : StepStatus.NotNeeded,
            i == current ? PlainWords.State(request.State) : null))];
    }
}
