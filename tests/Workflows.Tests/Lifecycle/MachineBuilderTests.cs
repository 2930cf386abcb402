using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Lifecycle;

/// <summary>The machine of one step fires the transition already chosen, on the guard results it was chosen on.</summary>
public sealed class MachineBuilderTests
{
    private static readonly GuardCatalog NotAskedAgain = new(
    [
        new Guard("Ready", "the request is ready", _ => throw new InvalidOperationException("the guard was evaluated again")),
        new Guard("Other", "the other way is open", _ => throw new InvalidOperationException("the guard was evaluated again")),
    ]);

    private static readonly TransitionDefinition ToB = new()
    {
        Trigger = "Go", From = ["A"], To = "B", Roles = [LifecycleRoles.Clerk], Guards = ["Ready"],
    };

    private static readonly TransitionDefinition ToC = new()
    {
        Trigger = "Go", From = ["A"], To = "C", Roles = [LifecycleRoles.Clerk], Guards = ["Other"],
    };

    private static readonly LifecycleDefinition Definition = new()
    {
        Name = "test",
        Version = 1,
        InitialState = "A",
        States = [new() { Name = "A" }, new() { Name = "B" }, new() { Name = "C", Final = true }],
        Transitions = [ToB, ToC],
    };

    private static MachineBuilder Builder() => new(NotAskedAgain, StandardActivities.Create(new FakeEvaluator()));

    [Fact]
    public void BuildStep_FiresTheChosenTransition_WithoutEvaluatingAnyGuard()
    {
        var request = RecordsRequest.ForDiagram("A");
        var entered = new List<string>();
        var choice = new TransitionChoice("A", ToB, [], new Dictionary<string, bool> { ["Ready"] = true });

        Builder().BuildStep(Definition, request, choice, (state, _) => entered.Add(state)).Fire("Go");

        request.State.ShouldBe("B");
        entered.ShouldBe(["B"]);
    }

    [Fact]
    public void BuildStep_Refuses_NamingTheGuard_WhenTheDecisionSaysItDidNotHold()
    {
        var request = RecordsRequest.ForDiagram("A");
        var choice = new TransitionChoice("A", ToB, [], new Dictionary<string, bool> { ["Ready"] = false });

        var error = Should.Throw<InvalidOperationException>(() => Builder().BuildStep(Definition, request, choice, (_, _) => { }).Fire("Go"));

        error.Message.ShouldContain("the request is ready");
        request.State.ShouldBe("A");
    }

    [Fact]
    public void BuildStep_Refuses_WhenTheRequestIsNoLongerWhereTheDecisionWasMade()
    {
        var request = RecordsRequest.ForDiagram("B");
        var choice = new TransitionChoice("A", ToB, [], new Dictionary<string, bool> { ["Ready"] = true });

        Should.Throw<InvalidOperationException>(() => Builder().BuildStep(Definition, request, choice, (_, _) => { }).Fire("Go"));

        request.State.ShouldBe("B");
    }
}
