using System.Text.Json.Nodes;
using BackOffice.Rules.Tests.Support;

namespace BackOffice.Rules.Tests;

public sealed class RuleSetTestCasesTests
{
    private static CompiledRuleSet Shipped() => RuleSetCompiler.Compile(ShippedRules.Load()).GetOrThrow();

    [Fact]
    public void ShippedTestCases_AllPass()
    {
        var results = RuleSetTestCases.Run(Shipped(), ShippedRules.Text(RuleSet.TestCasesDocument));

        results.Count.ShouldBeGreaterThanOrEqualTo(7);
        results.Where(r => !r.Passed).Select(r => $"{r.Name}: {string.Join("; ", r.Differences)}").ShouldBeEmpty();
    }

    [Fact]
    public void Run_ReportsEachDifference_ForAWrongExpectation()
    {
        var cases = JsonNode.Parse(ShippedRules.Text(RuleSet.TestCasesDocument))!;
        cases["cases"]![0]!["expect"] = new JsonObject { ["total"] = 100.00m, ["decision"] = "Deny" };

        var result = RuleSetTestCases.Run(Shipped(), cases.ToJsonString())[0];

        result.Passed.ShouldBeFalse();
        result.Differences.ShouldBe(["total: expected 100.00, got 119.07", "decision: expected Deny, got ReleaseWithWithheld"]);
    }

    [Fact]
    public void Run_ReportsFactsItCannotRead()
    {
        var cases = JsonNode.Parse(ShippedRules.Text(RuleSet.TestCasesDocument))!;
        cases["cases"]![0]!["facts"]!["Pages"] = 12;

        var result = RuleSetTestCases.Run(Shipped(), cases.ToJsonString())[0];

        result.Passed.ShouldBeFalse();
        result.Differences.ShouldHaveSingleItem().ShouldContain("the facts cannot be read");
    }

    [Fact]
    public void Validator_RefusesADraftWhoseTestCasesFail()
    {
        var files = new Dictionary<string, string>(ShippedRules.Load().Documents);
        var cases = JsonNode.Parse(files[RuleSet.TestCasesDocument])!;
        cases["cases"]![0]!["expect"] = new JsonObject { ["total"] = 1.00m };
        files[RuleSet.TestCasesDocument] = cases.ToJsonString();

        var problem = new RuleSetFilesValidator().Validate(files).ShouldHaveSingleItem();

        problem.File.ShouldBe(RuleSet.TestCasesDocument);
        problem.Message.ShouldContain("expected 1.00, got 119.07");
    }
}
