using RulesEngine.Models;

namespace BackOffice.Rules;

/// <summary>
/// One rule of a workflow with its position in the document. Its properties are decoded once, when the
/// rule set is compiled, so an evaluation only looks them up.
/// </summary>
internal sealed class RuleInfo
{
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public RuleInfo(int index, Rule rule)
    {
        Index = index;
        Rule = rule;
        foreach (var (key, value) in rule.Properties ?? [])
        {
            if (value is string text)
            {
                _texts[key] = text;
            }
            else if (value is true)
            {
                _flags.Add(key);
            }
        }
    }

    public int Index { get; }
    public Rule Rule { get; }
    public string Name => Rule.RuleName;

    public string Text(string key) => _texts.GetValueOrDefault(key, "");

    public bool Flag(string key) => _flags.Contains(key);
}

/// <summary>The rules of one workflow document, by name, and where in the document an error points.</summary>
internal sealed class RuleCatalog
{
    private readonly Workflow _workflow;
    private readonly Dictionary<string, RuleInfo> _rules;

    public RuleCatalog(string document, Workflow workflow)
    {
        Document = document;
        _workflow = workflow;
        _rules = workflow.Rules.Select((rule, index) => new RuleInfo(index, rule))
            .ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    public string Document { get; }
    public string WorkflowName => _workflow.WorkflowName;
    public IEnumerable<RuleInfo> Rules => _rules.Values;

    public RuleInfo this[string ruleName] => _rules[ruleName];

    /// <summary>An error in a rule; a runtime failure's message carries a stack trace, of which the first line is kept.</summary>
    public RuleError Error(string ruleName, string message)
    {
        var firstLine = message.Split('\n', 2)[0].TrimEnd();
        return new(Document, ruleName, PositionOf(ruleName, firstLine), firstLine);
    }

    /// <summary>
    /// RulesEngine names the failing expression in its message: a scoped parameter ("in ScopedParam: x")
    /// or the expression text in backticks. Point at that expression so an editor can jump to it.
    /// </summary>
    private string PositionOf(string ruleName, string message)
    {
        if (!_rules.TryGetValue(ruleName, out var info))
        {
            return "";
        }

        var rulePointer = $"/Rules/{info.Index}";
        const string scopedParamMarker = "in ScopedParam: ";
        var marker = message.LastIndexOf(scopedParamMarker, StringComparison.Ordinal);
        if (marker >= 0)
        {
            var name = message[(marker + scopedParamMarker.Length)..].Trim();
            var local = IndexOf(info.Rule.LocalParams, name);
            if (local >= 0)
            {
                return $"{rulePointer}/LocalParams/{local}/Expression";
            }

            var global = IndexOf(_workflow.GlobalParams, name);
            return global >= 0 ? $"/GlobalParams/{global}/Expression" : rulePointer;
        }

        return message.Contains($"`{info.Rule.Expression}`", StringComparison.Ordinal) ? rulePointer + "/Expression" : rulePointer;
    }

    private static int IndexOf(IEnumerable<ScopedParam>? parameters, string name) =>
        parameters?.Select((p, i) => (p.Name, i)).FirstOrDefault(p => p.Name == name, (null!, -1)).i ?? -1;
}
