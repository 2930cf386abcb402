namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// The transition a trigger takes now, decided once, before any of its activities run: the actor's role checked and
/// each guard evaluated once. The state change applies this decision and does not ask the guards again (a transition's
/// own activities may change what a guard would see: extending the deadline makes "not yet extended" false, yet the
/// decision to extend stands).
/// </summary>
/// <param name="FromState">The state the decision was made in.</param>
/// <param name="Transition">The transition taken; null when none may be taken (<see cref="Reasons"/> says why).</param>
/// <param name="Reasons">Why nothing may be taken, in words for a clerk; empty when a transition was chosen.</param>
/// <param name="GuardResults">Every guard evaluated for the decision, with whether it held.</param>
internal sealed record TransitionChoice(
    string FromState,
    TransitionDefinition? Transition,
    IReadOnlyList<string> Reasons,
    IReadOnlyDictionary<string, bool> GuardResults)
{
    /// <summary>Each guard of the chosen transition with whether it held, as the journal records it.</summary>
    public Dictionary<string, bool> ChosenGuardResults() =>
        (Transition ?? throw new InvalidOperationException("No transition was chosen."))
            .Guards.ToDictionary(g => g, g => GuardResults[g]);
}
