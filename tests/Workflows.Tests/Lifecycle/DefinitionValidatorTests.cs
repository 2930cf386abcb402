using System.Text.Json.Nodes;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Tests.Support;

namespace BackOffice.Workflows.Tests.Lifecycle;

public sealed class DefinitionValidatorTests
{
    private static readonly DefinitionValidator Validator = new(GuardCatalog.Default, StandardActivities.Create(new FakeEvaluator()));

    private static JsonObject Shipped() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(EngineHarness.ShippedDefinitions, "records-request.json")))!.AsObject();

    private static IReadOnlyList<string> Validate(JsonObject json) =>
        Validator.Validate(LifecycleDefinition.Parse(json.ToJsonString(), "test.json"));

    private static JsonObject Transition(JsonObject definition, string trigger) =>
        definition["transitions"]!.AsArray().Select(t => t!.AsObject()).First(t => (string?)t["trigger"] == trigger);

    [Fact]
    public void ShippedDefinition_IsValid()
    {
        Validate(Shipped()).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_NamesAnUnknownGuard()
    {
        var definition = Shipped();
        Transition(definition, "Verify")["guards"] = new JsonArray("IdentityMagicallyKnown");

        Validate(definition).ShouldBe(["transition 'Verify' uses unknown guard 'IdentityMagicallyKnown'"]);
    }

    [Fact]
    public void Validate_NamesAnUnknownActivity_InAStateAndATransition()
    {
        var definition = Shipped();
        Transition(definition, "Mail")["activities"] = new JsonArray("PrintLabel");
        definition["states"]!.AsArray()[0]!["entry"] = new JsonArray("Notify:Received", "Telepathy");

        Validate(definition).ShouldBe(
            ["state 'Received' uses unknown activity 'Telepathy'", "transition 'Mail' uses unknown activity 'PrintLabel'"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_NamesAnUnreachableState()
    {
        var definition = Shipped();
        definition["states"]!.AsArray().Add(new JsonObject { ["name"] = "Archived", ["final"] = true });

        Validate(definition).ShouldBe(["state 'Archived' is unreachable from 'Received'"]);
    }

    [Fact]
    public void Validate_NamesANonFinalStateWithNoWayOut()
    {
        var definition = Shipped();
        var transitions = definition["transitions"]!.AsArray();
        // Without "cancel from any open state", Mailed's only way out is its automatic completion.
        transitions.Remove(transitions.First(t => (string?)t!["trigger"] == "Cancel"));
        transitions.Remove(transitions.First(t => (string?)t!["trigger"] == "Complete"));

        var problems = Validate(definition);

        problems.ShouldContain("state 'Mailed' is not final but has no way out");
        problems.ShouldContain("state 'SentSecurely' is not final but has no way out");
    }

    [Fact]
    public void Validate_NamesUnknownStatesRolesAndTimerTriggers()
    {
        var definition = Shipped();
        Transition(definition, "Reevaluate")["to"] = "Limbo";
        Transition(definition, "Assign")["roles"] = new JsonArray("Janitor");
        definition["requestTimers"]!.AsArray()[0]!["activity"] = null;
        definition["requestTimers"]!.AsArray()[0]!["trigger"] = "Escalate";

        Validate(definition).ShouldBe(
        [
            "timer 'DueWarningDay20' in the request timers fires unknown trigger 'Escalate'",
            "transition 'Reevaluate' goes to unknown state 'Limbo'",
            "transition 'Assign' names unknown role 'Janitor'",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Validate_RefusesTransitionsOutOfAFinalState()
    {
        var definition = Shipped();
        Transition(definition, "Reevaluate")["from"] = new JsonArray("Received", "Completed");

        Validate(definition).ShouldBe(["transition 'Reevaluate' leaves final state 'Completed'"]);
    }

    [Fact]
    public void Parse_RefusesUnknownProperties_WithTheFileName()
    {
        var definition = Shipped();
        definition["stats"] = new JsonArray();

        var error = Should.Throw<LifecycleDefinitionException>(() => LifecycleDefinition.Parse(definition.ToJsonString(), "broken.json"));

        error.Message.ShouldContain("broken.json");
        error.Message.ShouldContain("stats");
    }
}
