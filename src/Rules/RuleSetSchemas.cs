using System.Reflection;
using System.Text.Json.Nodes;
using Json.Schema;

namespace BackOffice.Rules;

/// <summary>
/// The JSON schemas of the rule documents, compiled into this assembly from <c>rules/*.schema.json</c>.
/// Each document is checked against the schema for its name (not the one its <c>$schema</c> names), so a
/// draft cannot pick a laxer schema.
/// </summary>
internal static class RuleSetSchemas
{
    private const string ResourcePrefix = "BackOffice.Rules.Schemas.";
    private static readonly Lazy<Schemas> Loaded = new(Load);

    /// <summary>The schema each document is checked against; both fee-line documents share one.</summary>
    public static string SchemaNameFor(string document) => document switch
    {
        RuleSet.IllinoisFeesDocument or RuleSet.HipaaFeesDocument => "fee-lines.schema.json",
        _ => Path.GetFileNameWithoutExtension(document) + ".schema.json",
    };

    /// <summary>Checks one parsed document and names the rule that each problem is in.</summary>
    public static IEnumerable<RuleError> Check(string document, JsonNode? root)
    {
        var (options, byDocument, _) = Loaded.Value;
        if (!byDocument.TryGetValue(document, out var schema))
        {
            yield return new RuleError(document, null, "", $"There is no schema for '{document}'.");
            yield break;
        }

        var results = schema.Evaluate(root, options);
        if (results.IsValid)
        {
            yield break;
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (position, message) in Failures(results))
        {
            // The same failure can be reached through more than one referencing schema.
            if (reported.Add(position + "|" + message))
            {
                yield return new RuleError(document, RuleNameAt(root, position), position, message);
            }
        }
    }

    /// <summary>
    /// Walks only the failing branches, and never into an "if" condition or the per-item results of
    /// "contains": a condition that does not hold, or an item that does not match, is not a problem.
    /// </summary>
    private static IEnumerable<(string Position, string Message)> Failures(EvaluationResults node)
    {
        var path = node.EvaluationPath.ToString();
        if (node.IsValid || path.EndsWith("/if", StringComparison.Ordinal) || path.EndsWith("/contains", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var message in node.Errors?.Values ?? [])
        {
            yield return (node.InstanceLocation.ToString(), DescriptionOf(node.SchemaLocation) is { } why ? $"{message}: {why}" : message);
        }

        foreach (var failure in node.Details.SelectMany(Failures))
        {
            yield return failure;
        }
    }

    /// <summary>A generic message ("should contain at least 1 matching items") says more with the failing schema's description.</summary>
    private static string? DescriptionOf(Uri schemaLocation)
    {
        var document = new Uri(schemaLocation.GetLeftPart(UriPartial.Query));
        if (!Loaded.Value.Texts.TryGetValue(document, out var node))
        {
            return null;
        }

        var pointer = Uri.UnescapeDataString(schemaLocation.Fragment.TrimStart('#'));
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj[key],
                JsonArray array when int.TryParse(key, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node is JsonObject schema && schema["description"] is JsonValue description && pointer.Length > 0
            && description.TryGetValue<string>(out var text) ? text : null;
    }

    private static string? RuleNameAt(JsonNode? root, string pointer)
    {
        var segments = pointer.Split('/');
        if (segments.Length < 3 || segments[1] != "Rules" || !int.TryParse(segments[2], out var index))
        {
            return null;
        }

        var rules = root?["Rules"] as JsonArray;
        return index < rules?.Count && rules[index] is JsonObject rule && rule["RuleName"] is JsonValue name
            && name.TryGetValue<string>(out var text) ? text : $"#{index + 1}";
    }

    private static Schemas Load()
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        var texts = new Dictionary<Uri, JsonNode>();
        var assembly = typeof(RuleSetSchemas).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var text = ReadResource(assembly, resource);
            var schema = JsonSchema.FromText(text);
            options.SchemaRegistry.Register(schema);
            texts[schema.BaseUri] = JsonNode.Parse(text)!;
            schemas[resource[ResourcePrefix.Length..]] = schema;
        }

        var byDocument = RuleSet.DocumentNames
            .Where(d => schemas.ContainsKey(SchemaNameFor(d)))
            .ToDictionary(d => d, d => schemas[SchemaNameFor(d)], StringComparer.Ordinal);
        return new Schemas(options, byDocument, texts);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The schema resource '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The options that resolve references between the schemas, the schema of each document, and each schema's text.</summary>
    private sealed record Schemas(EvaluationOptions Options, Dictionary<string, JsonSchema> ByDocument, Dictionary<Uri, JsonNode> Texts);
}
