using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.Labels;

/// <summary>A stretch of the lifecycle staff think of as one step ("Fulfillment"), with the states it holds.</summary>
public sealed record LifecyclePhase(string Name, string Summary, IReadOnlyList<string> States)
{
    /// <summary>A fragment id for the phase ("phase-fulfillment").</summary>
    public string Id => "phase-" + Name.ToLowerInvariant().Replace(' ', '-');
}

/// <summary>
/// The phases a request goes through, for the step indicator of the request page and the lifecycle page's view per
/// phase. Definitions are data, so a state not placed here still has a phase: "Other steps" when open, "Closed" when final.
/// </summary>
public static class LifecyclePhases
{
    public const string Closed = "Closed";
    private const string Other = "Other steps";

    private static readonly (string Name, string Summary, string[] States)[] Known =
    [
        ("Intake", "The request is logged and checked against the release rules, missing information is asked for, and the requester's identity is verified.",
            ["Received", "NeedsInformation", "Verified"]),
        ("Fulfillment", "The records are compiled, their pages counted and their contents checked; a second person then reviews the package.",
            ["InFulfillment", "QualityReview"]),
        ("Payment", "An invoice is issued; the records wait for the payment or a waiver.", ["AwaitingPayment"]),
        ("Release", "The records go out by the delivery the requester chose: mail, e-mail, the portal or a pickup.",
            ["ReadyForRelease", "SendingByEmail", "Mailed", "SentSecurely", "PublishedToPortal", "AwaitingPickup", "PickupScheduled", "PickedUp"]),
    ];

    /// <summary>
    /// When several actions are possible, the one that moves the request on is offered first: the earliest in this
    /// list that the lifecycle permits now (submitting for review comes before recording pages, so that once the pages
    /// are counted, submitting is first). Actions not listed keep the definition's order after these.
    /// </summary>
    public static readonly IReadOnlyList<string> ForwardActions =
    [
        "InformationReceived", "Verify", "StartFulfillment", "SubmitForReview", "RecordPages", "Approve", "RecordPayment", "Mail",
        "SendSecurely", "PublishToPortal", "SchedulePickup", "PickedUp", "Complete",
    ];

    /// <summary>The phases of <paramref name="definition"/>, each with the states the definition has, in its order.</summary>
    public static IReadOnlyList<LifecyclePhase> Of(LifecycleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var placed = Known.SelectMany(k => k.States).ToHashSet(StringComparer.Ordinal);
        var phases = new List<LifecyclePhase>();
        foreach (var (name, summary, states) in Known)
        {
            var held = definition.States.Where(s => !s.Final && states.Contains(s.Name)).Select(s => s.Name).ToList();
            if (held.Count > 0) phases.Add(new LifecyclePhase(name, summary, held));
        }

        var other = definition.States.Where(s => !s.Final && !placed.Contains(s.Name)).Select(s => s.Name).ToList();
        if (other.Count > 0) phases.Add(new LifecyclePhase(Other, "Steps of this version not in the phases above.", other));
        var final = definition.States.Where(s => s.Final).Select(s => s.Name).ToList();
        if (final.Count > 0) phases.Add(new LifecyclePhase(Closed, "The request is closed: completed, redirected, denied or cancelled.", final));
        return phases;
    }

    /// <summary>The index of the phase holding <paramref name="state"/>; -1 when none does.</summary>
    public static int IndexOf(IReadOnlyList<LifecyclePhase> phases, string state)
    {
        ArgumentNullException.ThrowIfNull(phases);
        for (var i = 0; i < phases.Count; i++)
        {
            if (phases[i].States.Contains(state, StringComparer.Ordinal)) return i;
        }

        return -1;
    }

    /// <summary><paramref name="actions"/> with the action that moves the request on first (see <see cref="ForwardActions"/>).</summary>
    public static IReadOnlyList<T> NextFirst<T>(IEnumerable<T> actions, Func<T, string> trigger)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(trigger);
        var list = actions.ToList();
        var next = ForwardActions.Select(f => list.FindIndex(a => trigger(a) == f)).FirstOrDefault(i => i >= 0, -1);
        if (next <= 0) return list;
        var first = list[next];
        list.RemoveAt(next);
        list.Insert(0, first);
        return list;
    }

    /// <summary>Whether <paramref name="trigger"/> is one that moves a request on (for marking the next action).</summary>
    public static bool IsForward(string trigger) => ForwardActions.Contains(trigger, StringComparer.Ordinal);
}
