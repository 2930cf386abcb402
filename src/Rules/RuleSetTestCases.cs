using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BackOffice.Rules;

/// <summary>One saved test case's result: what was expected, what the rules answered, and whether they agree.</summary>
public sealed record TestCaseResult(string Name, bool Passed, IReadOnlyList<string> Differences, RuleSetEvaluation? Evaluation);

/// <summary>
/// The saved test cases of a rule set (<c>test-cases.json</c>): requests as facts with the answer the
/// rules must give. A draft whose cases fail cannot be published.
/// </summary>
public static class RuleSetTestCases
{
    private static readonly JsonSerializerOptions FactsJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IReadOnlyList<TestCaseResult> Run(CompiledRuleSet rules, string testCasesJson)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var results = new List<TestCaseResult>();
        var cases = JsonNode.Parse(testCasesJson)?["cases"]?.AsArray() ?? [];
        foreach (var item in cases)
        {
            var name = (string?)item?["name"] ?? "(unnamed)";
            RequestFacts? facts;
            try
            {
                facts = item?["facts"].Deserialize<RequestFacts>(FactsJson);
            }
            catch (JsonException exception)
            {
                results.Add(new TestCaseResult(name, false, [$"the facts cannot be read: {exception.Message}"], null));
                continue;
            }

            if (facts is null)
            {
                results.Add(new TestCaseResult(name, false, ["the case has no facts"], null));
                continue;
            }

            var evaluation = rules.Evaluate(facts);
            var differences = Compare(item!["expect"]!.AsObject(), evaluation);
            results.Add(new TestCaseResult(name, differences.Count == 0, differences, evaluation));
        }

        return results;
    }

    private static List<string> Compare(JsonObject expect, RuleSetEvaluation actual)
    {
        var differences = actual.Errors.Select(e => $"rule error: {e}").ToList();
        var decision = actual.Release.Decision;
        if (expect["total"] is { } total && total.GetValue<decimal>() != actual.Fees.Total)
            differences.Add($"total: expected {total.GetValue<decimal>():0.00}, got {actual.Fees.Total:0.00}");
        if (expect["decision"] is { } kind && (string?)kind != decision.Kind.ToString())
            differences.Add($"decision: expected {(string?)kind}, got {decision.Kind}");
        if (expect["withheld"] is JsonArray withheld)
        {
            var expected = withheld.Select(w => (string?)w).Order().ToList();
            var got = decision.Withheld.Select(w => w.Category.ToString()).Order().ToList();
            if (!expected.SequenceEqual(got))
                differences.Add($"withheld: expected [{string.Join(", ", expected)}], got [{string.Join(", ", got)}]");
        }

        if (expect["missingCount"] is { } missing && missing.GetValue<int>() != decision.Missing.Count)
            differences.Add($"missing elements: expected {missing.GetValue<int>()}, got {decision.Missing.Count} ({string.Join("; ", decision.Missing.Select(m => m.Element))})");
        if (expect["reviewable"] is { } reviewable && reviewable.GetValue<bool>() != (decision.Denial?.Reviewable ?? false))
            differences.Add($"reviewable: expected {reviewable.GetValue<bool>()}, got {decision.Denial?.Reviewable ?? false}");
        return differences;
    }
}
