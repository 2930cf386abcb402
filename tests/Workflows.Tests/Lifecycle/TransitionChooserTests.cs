using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Lifecycle;

/// <summary>A trigger's transition is decided once: roles first, then each guard evaluated at most once.</summary>
public sealed class TransitionChooserTests
{
    private static readonly DepartmentClock Clock = new(TimeProvider.System, TimeZoneInfo.Utc);

    private readonly Dictionary<string, int> _evaluations = [];

    private GuardCatalog CountingGuards() => new(
    [
        Counted("Shared", "both ways need this", true),
        Counted("No", "the first way needs this", false),
        Counted("Yes", "the second way needs this", true),
    ]);

    private Guard Counted(string name, string description, bool holds) => new(name, description, _ =>
    {
        _evaluations[name] = _evaluations.GetValueOrDefault(name) + 1;
        return holds;
    });

    private static readonly TransitionDefinition First = new()
    {
        Trigger = "Go", From = ["A"], To = "B", Roles = [LifecycleRoles.Clerk], Guards = ["Shared", "No"],
    };

    private static readonly TransitionDefinition Second = new()
    {
        Trigger = "Go", From = ["A"], To = "C", Roles = [LifecycleRoles.Clerk], Guards = ["Shared", "Yes"],
    };

    [Fact]
    public void Choose_TakesTheFirstTransitionWhoseGuardsHold_EvaluatingEachGuardOnce()
    {
        var chooser = new TransitionChooser(CountingGuards(), Clock);

        var choice = chooser.Choose([First, Second], RecordsRequest.ForDiagram("A"), Staff.Clerk);

        choice.Transition.ShouldBe(Second);
        choice.FromState.ShouldBe("A");
        choice.Reasons.ShouldBeEmpty();
        choice.GuardResults.ShouldBe(new Dictionary<string, bool> { ["Shared"] = true, ["No"] = false, ["Yes"] = true }, ignoreOrder: true);
        choice.ChosenGuardResults().ShouldBe(new Dictionary<string, bool> { ["Shared"] = true, ["Yes"] = true }, ignoreOrder: true);
        _evaluations.ShouldBe(new Dictionary<string, int> { ["Shared"] = 1, ["No"] = 1, ["Yes"] = 1 }, ignoreOrder: true);
    }

    [Fact]
    public void Choose_NamesTheUnmetGuards_WhenNoTransitionMayBeTaken()
    {
        var chooser = new TransitionChooser(CountingGuards(), Clock);

        var choice = chooser.Choose([First], RecordsRequest.ForDiagram("A"), Staff.Clerk);

        choice.Transition.ShouldBeNull();
        choice.Reasons.ShouldBe(["needs: the first way needs this"]);
    }

    [Fact]
    public void Choose_EvaluatesNoGuard_WhenTheActorMayNotFireTheTrigger()
    {
        var chooser = new TransitionChooser(CountingGuards(), Clock);

        var choice = chooser.Choose([First, Second], RecordsRequest.ForDiagram("A"), Staff.Requester);

        choice.Transition.ShouldBeNull();
        choice.Reasons.ShouldBe(["only Clerk may do this"]);
        _evaluations.ShouldBeEmpty();
    }
}
