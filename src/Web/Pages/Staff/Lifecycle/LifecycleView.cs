using System.Globalization;
using System.Text;
using BackOffice.Web.Labels;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.Pages.Staff.Lifecycle;

/// <summary>One lifecycle version as staff read it: phase by phase, each with a small diagram and its states in words.</summary>
public sealed record LifecycleVersionView(
    string Name, int Version, int StateCount, int ActionCount, IReadOnlyList<PhaseView> Phases,
    IReadOnlyList<ActionView> InEveryOpenState, IReadOnlyList<string> RequestTimers)
{
    public string Id => $"v{Version.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>A phase: its states, and a diagram of the steps inside it and the ways out of it (Mermaid flowchart text).</summary>
public sealed record PhaseView(LifecyclePhase Phase, string Id, IReadOnlyList<StateView> States, string? Diagram, string DiagramTitle);

public sealed record StateView(string Id, string Words, string? Description, bool Final, IReadOnlyList<string> OnEntry,
    IReadOnlyList<string> Timers, IReadOnlyList<ActionView> Actions);

/// <summary>An action: what it is called, where it leads (null: the request stays where it is), when it is possible, who takes it.</summary>
public sealed record ActionView(string Words, string? LeadsTo, IReadOnlyList<string> OnlyWhen, string Who, bool Automatic);

/// <summary>Builds <see cref="LifecycleVersionView"/> from a definition, its guards and activities: every name in words.</summary>
public sealed class LifecycleViewBuilder(GuardCatalog guards, ActivityCatalog activities)
{
    public LifecycleVersionView Build(LifecycleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var prefix = $"v{definition.Version.ToString(CultureInfo.InvariantCulture)}";
        var phases = LifecyclePhases.Of(definition);
        var phaseViews = phases.Select(phase => new PhaseView(phase, $"{prefix}-{phase.Id}",
                [.. phase.States.Select(state => State(definition, prefix, state))],
                Diagram(definition, phases, phase), $"{phase.Name}, lifecycle version {definition.Version}"))
            .ToList();
        var everywhere = definition.Transitions.Where(t => t.From.Contains(LifecycleDefinition.AnyOpenState)).Select(Action).ToList();
        var timers = definition.RequestTimers.Select(Timer).ToList();
        return new LifecycleVersionView(Title(definition.Name), definition.Version, definition.States.Count,
            definition.Transitions.Select(t => t.Trigger).Distinct(StringComparer.Ordinal).Count(), phaseViews, everywhere, timers);
    }

    /// <summary>"records-request" → "Records request".</summary>
    public static string Title(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private StateView State(LifecycleDefinition definition, string prefix, string name)
    {
        var state = definition.FindState(name)!;
        var actions = definition.TransitionsFrom(name)
            .Where(t => !t.From.Contains(LifecycleDefinition.AnyOpenState))
            .Select(Action)
            .ToList();
        return new StateView($"{prefix}-state-{name.ToLowerInvariant()}", PlainWords.State(name), state.Description, state.Final,
            [.. state.Entry.Select(Activity)], [.. state.Timers.Select(Timer)], actions);
    }

    private ActionView Action(TransitionDefinition transition) => new(
        PlainWords.Trigger(transition.Trigger, transition.Label),
        transition.To is null ? null : PlainWords.State(transition.To),
        [.. transition.Guards.Select(g => guards.Get(g).Description)],
        transition.Automatic ? "the app itself, as soon as the conditions hold"
            : transition.Roles.Count == 0 ? "the app itself" : string.Join(", ", transition.Roles.Select(PlainWords.Role)),
        transition.Automatic);

    /// <summary>An activity in words: the message or letter it sends by name, anything else by its description.</summary>
    private string Activity(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        var (name, argument) = colon < 0 ? (reference, null) : (reference[..colon], reference[(colon + 1)..]);
        var words = (name, argument) switch
        {
            ("Notify", { } message) => $"tell the requester: “{PlainWords.Message(message)}”",
            ("NotifyStaff", { } message) => $"tell staff: “{PlainWords.Message(message)}”",
            ("Produce", { } document) => $"make the {PlainWords.Message(document).ToLowerInvariant()}",
            ("LogDisclosure", { } method) => $"log the disclosure ({DisclosureMethods.Describe(method).ToLowerInvariant()})",
            _ => activities.Describe(name),
        };
        return Sentence(words);
    }

    private string Timer(TimerDefinition timer)
    {
        var days = timer.AfterBusinessDays > 0
            ? Plural(timer.AfterBusinessDays, "business day")
            : Plural(timer.AfterDays, "day");
        var when = timer.Anchor switch
        {
            TimerAnchor.Received => $"{days} after the request was received",
            TimerAnchor.Due => $"{days} after the due date",
            _ => $"After {days} in this state",
        };
        var what = timer.Trigger is { } trigger
            ? PlainWords.Trigger(trigger) + (timer.Comment is null ? "" : $" ({timer.Comment.TrimEnd('.')})")
            : Activity(timer.Activity ?? "");
        return $"{Sentence(when)}: {char.ToLowerInvariant(what[0])}{what[1..]}.";
    }

    /// <summary>
    /// A Mermaid flowchart of one phase: its states, the actions between them, and the actions that lead out of the
    /// phase (to a state drawn dashed). Actions every open state has and actions that stay in the state are in the
    /// lists, not drawn, so the diagram stays small enough to read.
    /// </summary>
    private static string? Diagram(LifecycleDefinition definition, IReadOnlyList<LifecyclePhase> phases, LifecyclePhase phase)
    {
        var edges = phase.States
            .SelectMany(from => definition.TransitionsFrom(from)
                .Where(t => t.To is not null && t.To != from && !t.From.Contains(LifecycleDefinition.AnyOpenState))
                .Select(t => (From: from, To: t.To!, Label: PlainWords.Trigger(t.Trigger, t.Label) + (t.Automatic ? " (automatic)" : ""))))
            .Distinct()
            .ToList();
        if (edges.Count == 0 && phase.States.Count < 2) return null;

        var ids = definition.States.Select((s, i) => (s.Name, Id: "s" + i.ToString(CultureInfo.InvariantCulture)))
            .ToDictionary(s => s.Name, s => s.Id, StringComparer.Ordinal);
        // Left to right reads best, but a phase of many steps (release: one per way of delivery) is then too wide to
        // read without shrinking; top to bottom keeps it at full size.
        var text = new StringBuilder(phase.States.Count > 4 ? "flowchart TD\n" : "flowchart LR\n");
        text.Append("  accTitle: ").Append(Escape($"{phase.Name}: the steps and the ways out")).Append('\n');
        text.Append("  accDescr: ").Append(Escape($"{string.Join(", ", phase.States.Select(PlainWords.State))}; the list below says the same in words")).Append('\n');
        foreach (var state in phase.States) text.Append(CultureInfo.InvariantCulture, $"  {ids[state]}[\"{Escape(PlainWords.State(state))}\"]\n");
        var outside = edges.Select(e => e.To).Where(to => !phase.States.Contains(to, StringComparer.Ordinal)).Distinct().ToList();
        foreach (var state in outside)
        {
            var where = phases.FirstOrDefault(p => p.States.Contains(state, StringComparer.Ordinal))?.Name;
            text.Append(CultureInfo.InvariantCulture, $"  {ids[state]}[\"{Escape(PlainWords.State(state) + (where is null ? "" : $" ({where})"))}\"]:::elsewhere\n");
        }

        foreach (var (from, to, label) in edges) text.Append(CultureInfo.InvariantCulture, $"  {ids[from]} -->|\"{Escape(label)}\"| {ids[to]}\n");
        text.Append("  classDef elsewhere stroke-dasharray: 5 4\n");
        return text.ToString();
    }

    /// <summary>Text safe inside a quoted Mermaid label or an accessibility line.</summary>
    private static string Escape(string text) =>
        text.Replace("\"", "#quot;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Plural(int count, string unit) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {unit}{(count == 1 ? "" : "s")}";

    private static string Sentence(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
}
