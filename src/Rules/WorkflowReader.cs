using System.Text.Json.Nodes;
using RulesEngine.Models;

namespace BackOffice.Rules;

/// <summary>
/// Builds RulesEngine's workflow model from a document that passed its schema. The document is already
/// parsed for the schema check, and reading it again through reflection-based deserialization would
/// add a tenth of a second to the first compile after a start.
/// </summary>
internal static class WorkflowReader
{
    public static Workflow Read(JsonNode root) => new()
    {
        WorkflowName = Text(root["WorkflowName"]),
        GlobalParams = Parameters(root["GlobalParams"]),
        Rules = [.. (root["Rules"]?.AsArray() ?? []).Select(ReadRule)],
    };

    private static Rule ReadRule(JsonNode? rule) => new()
    {
        RuleName = Text(rule?["RuleName"]),
        Expression = Text(rule?["Expression"]),
        Enabled = rule?["Enabled"]?.GetValue<bool>() ?? true,
        LocalParams = Parameters(rule?["LocalParams"]),
        // Properties carry the rule's texts and flags (its basis, its outcome); nothing else is read.
        Properties = (rule?["Properties"]?.AsObject() ?? []).ToDictionary(
            p => p.Key,
            p => p.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (object)p.Value.GetValue<string>()
                : p.Value?.GetValueKind() == System.Text.Json.JsonValueKind.True,
            StringComparer.Ordinal),
    };

    private static List<ScopedParam> Parameters(JsonNode? parameters) =>
        [.. (parameters?.AsArray() ?? []).Select(p => new ScopedParam { Name = Text(p?["Name"]), Expression = Text(p?["Expression"]) })];

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
