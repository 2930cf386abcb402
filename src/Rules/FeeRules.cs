using System.Globalization;
using BackOffice.Workflows.Requests;
using RulesEngine.Models;

namespace BackOffice.Rules;

/// <summary>
/// Runs the fee workflows and turns their results into invoice lines. <c>fees</c> picks the basis: the
/// first of its rules that fires decides. A free basis is one line of 0.00 that says why; a charging
/// basis names the workflow whose fired rules are the lines (amount from the local parameter
/// <c>amount</c>; with a local parameter <c>quantity</c> the line shows quantity × unit price). The
/// Illinois lines are always worked out for a charging basis, because they are also the cap on a
/// patient's own-access fee. Amounts are taken as the rules computed them: any rounding is stated in
/// the rule files.
/// </summary>
internal sealed class FeeRules
{
    private const string ChargesProperty = "charges";
    private const string AmountParameter = "amount";
    private const string QuantityParameter = "quantity";

    private readonly RuleCatalog _basis;
    private readonly RuleCatalog _illinois;
    private readonly RuleCatalog _hipaa;
    private readonly Runner _run;
    private readonly Dictionary<(string Workflow, string Rule), FeeRule> _rules;

    public FeeRules(RuleCatalog basis, RuleCatalog illinois, RuleCatalog hipaa, Runner run)
    {
        (_basis, _illinois, _hipaa, _run) = (basis, illinois, hipaa, run);
        _rules = new[] { basis, illinois, hipaa }
            .SelectMany(catalog => catalog.Rules.Select(rule => new FeeRule(catalog.WorkflowName, rule)))
            .ToDictionary(r => (r.Workflow, r.Info.Name));
    }

    public delegate List<RuleResultTree> Runner(string workflow, RuleParameter[] parameters);

    public (List<FeeLine> Lines, List<RuleOutcome> Outcomes, List<RuleError> Errors) Evaluate(
        RequestFacts facts, IllinoisFeeSchedule schedule, HipaaAccessCost cost)
    {
        var outcomes = new List<RuleOutcome>();
        var errors = new List<RuleError>();
        var factsParameter = new RuleParameter(CompiledRuleSet.FactsParameter, facts);
        var fired = Fired(_basis, [factsParameter], outcomes, errors);
        if (fired.Count == 0 && errors.Count == 0)
        {
            // No basis would mean no lines, which would read as "free": refuse instead.
            errors.Add(new RuleError(_basis.Document, null, "/Rules",
                "No fee basis applies to this request; the last rule of fees.json should apply to every request."));
        }

        if (errors.Count > 0)
        {
            return ([], outcomes, errors);
        }

        var chosen = fired[0].Rule;
        foreach (var (_, _, overruled) in fired.Skip(1))
        {
            outcomes[overruled] = outcomes[overruled] with { Message = "Applies, but an earlier basis decides." };
        }

        var charges = chosen.Info.Text(ChargesProperty);
        if (charges.Length == 0)
        {
            return ([new FeeLine(chosen.Description, 0m, chosen.Basis)], outcomes, errors);
        }

        var scheduleParameter = new RuleParameter(CompiledRuleSet.ScheduleParameter, schedule);
        var illinoisLines = LinesOf(_illinois, [factsParameter, scheduleParameter], outcomes, errors);
        if (charges == _illinois.WorkflowName || errors.Count > 0)
        {
            return (illinoisLines, outcomes, errors);
        }

        var hipaaLines = LinesOf(_hipaa,
            [factsParameter, scheduleParameter, new RuleParameter(CompiledRuleSet.CostParameter, cost),
             new RuleParameter(CompiledRuleSet.IllinoisMaximumParameter, illinoisLines.Sum(l => l.Amount))],
            outcomes, errors);
        return (hipaaLines, outcomes, errors);
    }

    private List<FeeLine> LinesOf(RuleCatalog catalog, RuleParameter[] parameters, List<RuleOutcome> outcomes, List<RuleError> errors)
    {
        var lines = new List<FeeLine>();
        foreach (var (rule, result, outcome) in Fired(catalog, parameters, outcomes, errors))
        {
            var inputs = result.Inputs;
            if (Number(inputs, AmountParameter) is { } amount)
            {
                var description = Number(inputs, QuantityParameter) is { } quantity and not 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{rule.Description}: {quantity:0.##} × {amount / quantity:0.00##}")
                    : rule.Description;
                var line = new FeeLine(description, amount, rule.Basis);
                lines.Add(line);
                outcomes[outcome] = outcomes[outcome] with { Message = string.Create(CultureInfo.InvariantCulture, $"{description}: {amount:0.00}") };
            }
            else
            {
                const string message = "The rule fired but its 'amount' is not a decimal amount (write money with the m suffix, e.g. 6.50m).";
                errors.Add(catalog.Error(rule.Info.Name, message));
                outcomes[outcome] = new RuleOutcome(catalog.WorkflowName, rule.Info.Name, false, message);
            }
        }

        return lines;
    }

    /// <summary>Runs a workflow, records each rule's outcome and returns the rules that fired, in rule order.</summary>
    private List<(FeeRule Rule, RuleResultTree Result, int Outcome)> Fired(RuleCatalog catalog, RuleParameter[] parameters,
        List<RuleOutcome> outcomes, List<RuleError> errors)
    {
        var fired = new List<(FeeRule Rule, RuleResultTree Result, int Outcome)>();
        foreach (var result in _run(catalog.WorkflowName, parameters))
        {
            var rule = _rules[(catalog.WorkflowName, result.Rule.RuleName)];
            if (RuleFailure.Of(result) is { } failure)
            {
                errors.Add(catalog.Error(rule.Info.Name, failure));
                outcomes.Add(new RuleOutcome(catalog.WorkflowName, rule.Info.Name, false, failure));
            }
            else if (result.IsSuccess)
            {
                fired.Add((rule, result, outcomes.Count));
                outcomes.Add(rule.Applied);
            }
            else
            {
                outcomes.Add(rule.NotApplied);
            }
        }

        fired.Sort((a, b) => a.Rule.Info.Index.CompareTo(b.Rule.Info.Index));
        return fired;
    }

    private static decimal? Number(Dictionary<string, object>? inputs, string name) =>
        inputs is not null && inputs.TryGetValue(name, out var value)
            ? value switch
            {
                decimal d => d,
                int i => i,
                long l => l,
                _ => null,
            }
            : null;

    /// <summary>A fee rule's texts and outcome lines, built once and shared by every evaluation.</summary>
    private sealed class FeeRule(string workflow, RuleInfo info)
    {
        public string Workflow { get; } = workflow;
        public RuleInfo Info { get; } = info;
        public string Description { get; } = info.Text("description");
        public string Basis { get; } = info.Text("basis");
        public RuleOutcome Applied { get; } = new(workflow, info.Name, true, info.Text("description"));
        public RuleOutcome NotApplied { get; } = new(workflow, info.Name, false, "Does not apply.");
    }
}

/// <summary>RulesEngine does not throw for a broken expression: it records the failure on the result.</summary>
internal static class RuleFailure
{
    public static string? Of(RuleResultTree result) =>
        !string.IsNullOrEmpty(result.ExceptionMessage) ? result.ExceptionMessage
        : result.ActionResult?.Exception is { } exception ? exception.Message
        : null;
}
