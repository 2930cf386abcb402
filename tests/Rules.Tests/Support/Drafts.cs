using System.Text.Json.Nodes;

namespace BackOffice.Rules.Tests.Support;

/// <summary>Draft rule sets: the shipped documents with one of them edited, as the workbench would.</summary>
public static class Drafts
{
    public static RuleSet With(string document, Action<JsonNode> edit, int version = 2)
    {
        var node = JsonNode.Parse(ShippedRules.Text(document))!;
        edit(node);
        return ShippedRules.Load().WithDocument(document, node.ToJsonString(), version);
    }

    public static RuleSet WithText(string document, string json, int version = 2) =>
        ShippedRules.Load().WithDocument(document, json, version);

    public static JsonObject Rule(JsonNode workflow, string ruleName) =>
        workflow["Rules"]!.AsArray().Single(r => (string?)r!["RuleName"] == ruleName)!.AsObject();

    public static CompiledRuleSet Compile(RuleSet ruleSet) => RuleSetCompiler.Compile(ruleSet).GetOrThrow();
}
