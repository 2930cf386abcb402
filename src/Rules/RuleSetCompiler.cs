using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Exceptions;
using RulesEngine.Models;

namespace BackOffice.Rules;

/// <summary>The outcome of compiling a rule set: the compiled rules, or every error found.</summary>
public sealed record RuleSetCompilation(CompiledRuleSet? RuleSet, IReadOnlyList<RuleError> Errors)
{
    public bool Succeeded => RuleSet is not null && Errors.Count == 0;

    public CompiledRuleSet GetOrThrow() => Succeeded ? RuleSet! : throw new RuleSetException(Errors);
}

/// <summary>
/// Checks a rule set in the order an editor fixes it: JSON syntax, then each document's schema, then
/// what a schema cannot say (unique rule names, schedule dates), then every expression by compiling
/// it. Stops at the first stage with errors, because later stages would only repeat them.
/// </summary>
public static class RuleSetCompiler
{
    public static RuleSetCompilation Compile(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var errors = new List<RuleError>();
        var roots = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var document in RuleSet.DocumentNames)
        {
            if (!ruleSet.Documents.TryGetValue(document, out var text))
            {
                errors.Add(new RuleError(document, null, "", "The document is missing from the rule set."));
            }
            else if (Parse(document, text, errors) is { } root)
            {
                errors.AddRange(RuleSetSchemas.Check(document, root));
                roots[document] = root;
            }
        }

        if (errors.Count > 0)
        {
            return new RuleSetCompilation(null, errors);
        }

        var schedules = FeeSchedules.Read(roots[RuleSet.FeeSchedulesDocument], errors);
        var workflows = RuleSet.WorkflowDocumentNames.Select(document => ReadWorkflow(document, roots[document], errors)).ToList();
        if (schedules is null || errors.Count > 0)
        {
            return new RuleSetCompilation(null, errors);
        }

        RulesEngine.RulesEngine engine;
        try
        {
            engine = new RulesEngine.RulesEngine([.. workflows.Select(w => w!.Workflow)], Settings());
        }
        catch (RuleValidationException exception)
        {
            return new RuleSetCompilation(null, [new RuleError(string.Join(", ", RuleSet.WorkflowDocumentNames), null, "", exception.Message)]);
        }

        var catalogs = workflows.ToDictionary(w => w!.Catalog.Document, w => w!.Catalog, StringComparer.Ordinal);
        var compiled = new CompiledRuleSet(ruleSet.Version, engine, schedules, catalogs);
        errors.AddRange(compiled.Probe());
        return new RuleSetCompilation(errors.Count == 0 ? compiled : null, errors);
    }

    /// <summary>
    /// No custom types: expressions reach only the inputs and the types Dynamic LINQ allows by default
    /// (Math, string, numbers, dates), so a rule file cannot call into the application.
    /// </summary>
    private static ReSettings Settings() => new()
    {
        CustomTypes = [],
        AutoRegisterInputType = false,
        EnableExceptionAsErrorMessage = true,
        EnableFormattedErrorMessage = false,
        AutoExecuteActions = false,
        UseFastExpressionCompiler = true,
    };

    private static JsonNode? Parse(string document, string text, List<RuleError> errors)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow })
                ?? throw new JsonException("The document is empty.");
        }
        catch (JsonException exception)
        {
            var position = exception.LineNumber is { } line
                ? $"line {line + 1}, position {exception.BytePositionInLine + 1}"
                : "";
            // The parser's message repeats the position, zero-based; the position above is what an editor shows.
            var message = exception.Message.Split(" LineNumber:", 2)[0];
            errors.Add(new RuleError(document, null, position, message));
            return null;
        }
    }

    private static WorkflowDocument? ReadWorkflow(string document, JsonNode root, List<RuleError> errors)
    {
        var workflow = WorkflowReader.Read(root);
        var expectedName = RuleSet.WorkflowNameOf(document);
        if (workflow.WorkflowName != expectedName)
        {
            errors.Add(new RuleError(document, null, "/WorkflowName", $"The workflow in {document} must be named '{expectedName}'."));
            return null;
        }

        var duplicates = workflow.Rules.GroupBy(r => r.RuleName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        foreach (var name in duplicates)
        {
            errors.Add(new RuleError(document, name, "/Rules", $"Two rules are named '{name}'; rule names must be unique."));
        }

        var reflecting = Expressions(workflow).Where(e => e.Expression.Contains("GetType", StringComparison.Ordinal)).ToList();
        foreach (var (rule, position, _) in reflecting)
        {
            // Dynamic LINQ blocks method calls outside its own types but still lets GetType() reach reflection
            // properties (assembly names, paths); a rule never needs them.
            errors.Add(new RuleError(document, rule, position, "Expressions may not use GetType: a rule reads its inputs only."));
        }

        return duplicates.Count > 0 || reflecting.Count > 0 ? null : new WorkflowDocument(workflow, new RuleCatalog(document, workflow));
    }

    private static IEnumerable<(string? Rule, string Position, string Expression)> Expressions(Workflow workflow)
    {
        foreach (var (parameter, index) in workflow.GlobalParams.Select((p, i) => (p, i)))
        {
            yield return (null, $"/GlobalParams/{index}/Expression", parameter.Expression);
        }

        foreach (var (rule, index) in workflow.Rules.Select((r, i) => (r, i)))
        {
            yield return (rule.RuleName, $"/Rules/{index}/Expression", rule.Expression);
            foreach (var (parameter, local) in rule.LocalParams.Select((p, i) => (p, i)))
            {
                yield return (rule.RuleName, $"/Rules/{index}/LocalParams/{local}/Expression", parameter.Expression);
            }
        }
    }

    private sealed record WorkflowDocument(Workflow Workflow, RuleCatalog Catalog);
}
