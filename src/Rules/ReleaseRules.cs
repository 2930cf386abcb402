using BackOffice.Workflows.Requests;
using RulesEngine.Models;

namespace BackOffice.Rules;

/// <summary>
/// Turns the release workflow's results into one decision. Every rule that fired contributes its
/// outcome; the strongest wins: Redirect, then Deny, then Hold (naming every missing element), then
/// Withhold (release with the withheld categories), else Release. Notes never change the decision.
/// A category is withheld only if the records contain it: once the clerk recorded the contents, a withholding of an
/// absent category is dropped; before that, each is marked "if present".
/// What each rule contributes is read from its properties once, when the rule set is compiled.
/// </summary>
internal sealed class ReleaseRules
{
    public const string RedirectParameter = "redirectTo";

    private readonly RuleCatalog _catalog;
    private readonly Dictionary<string, ReleaseRule> _rules;

    public ReleaseRules(RuleCatalog catalog)
    {
        _catalog = catalog;
        _rules = catalog.Rules.ToDictionary(r => r.Name, r => new ReleaseRule(catalog.WorkflowName, r), StringComparer.Ordinal);
    }

    public string WorkflowName => _catalog.WorkflowName;

    public ReleaseDecision Decide(List<RuleResultTree> results, List<RuleOutcome> outcomes, List<RuleError> errors, RequestFacts facts)
    {
        var redirects = new List<string>();
        var denials = new List<Denial>();
        var missing = new List<MissingElement>();
        var withheld = new List<WithheldCategory>();
        var notes = new List<string>();

        foreach (var result in results)
        {
            var rule = _rules[result.Rule.RuleName];
            if (RuleFailure.Of(result) is { } failure)
            {
                errors.Add(_catalog.Error(rule.Name, failure));
                outcomes.Add(new RuleOutcome(WorkflowName, rule.Name, false, failure));
                continue;
            }

            if (!result.IsSuccess)
            {
                outcomes.Add(rule.NotApplied);
                continue;
            }

            if (rule.Outcome == "Redirect")
            {
                // The place to go may be worked out by the rule (a local parameter) or fixed in its properties.
                var redirectTo = result.Inputs?.TryGetValue(RedirectParameter, out var where) == true && where is string text ? text : rule.Redirect;
                redirects.Add(redirectTo);
                outcomes.Add(new RuleOutcome(WorkflowName, rule.Name, true, "Redirect: " + redirectTo));
                continue;
            }

            if (rule.Denial is { } denial)
            {
                denials.Add(denial);
            }
            else if (rule.Missing is { } element)
            {
                missing.Add(element);
            }
            else if (rule.Withheld is { } category)
            {
                withheld.Add(category);
            }
            else
            {
                notes.Add(rule.Note);
            }

            outcomes.Add(rule.Applied);
        }

        var applicable = MergeByCategory(withheld)
            .Where(w => facts.MayContain(w.Category))
            .Select(w => facts.ContentsRecorded ? w : w with { IfPresent = true })
            .ToList();
        return Combine(redirects, denials, missing, applicable, notes);
    }

    private static ReleaseDecision Combine(List<string> redirects, List<Denial> denials, List<MissingElement> missing,
        List<WithheldCategory> withheld, List<string> notes)
    {
        // A denial that cannot be reviewed is the one to state first: review cannot change it.
        var denial = denials.OrderBy(d => d.Reviewable).FirstOrDefault();
        var redirectTo = redirects.Count > 0 ? string.Join("; ", redirects) : null;
        var kind = redirectTo is not null ? ReleaseDecisionKind.Redirect
            : denial is not null ? ReleaseDecisionKind.Deny
            : missing.Count > 0 ? ReleaseDecisionKind.HoldForInformation
            : withheld.Count > 0 ? ReleaseDecisionKind.ReleaseWithWithheld
            : ReleaseDecisionKind.Release;
        var summary = kind switch
        {
            ReleaseDecisionKind.Redirect => $"Redirect: {redirectTo}.",
            ReleaseDecisionKind.Deny => $"Deny ({(denial!.Reviewable ? "reviewable" : "not reviewable")}): {denial.Reason} Basis: {denial.Basis}.",
            ReleaseDecisionKind.HoldForInformation => "Hold until the requester sends: " + string.Join("; ", missing.Select(m => m.Element)) + ".",
            ReleaseDecisionKind.ReleaseWithWithheld => (withheld.All(w => w.IfPresent) ? "Release; if the records contain them, withhold: " : "Release without: ")
                + string.Join("; ", withheld.Select(w => $"{w.Category} ({w.Reason})")),
            _ => "Release.",
        };
        if (notes.Count > 0)
        {
            summary += " Note: " + string.Join(" ", notes);
        }

        return new ReleaseDecision(kind, summary, missing, withheld, redirectTo, kind == ReleaseDecisionKind.Deny ? denial : null, notes);
    }

    /// <summary>Several rules may withhold one category; the clerk sees it once with every reason.</summary>
    private static List<WithheldCategory> MergeByCategory(List<WithheldCategory> withheld) =>
        withheld.Count < 2 ? withheld
        : [.. withheld.GroupBy(w => w.Category).Select(g => g.Count() == 1 ? g.First()
            : new WithheldCategory(g.Key, string.Join(" ", g.Select(w => w.Reason)), string.Join("; ", g.Select(w => w.Basis).Distinct())))];

    /// <summary>What one release rule contributes when it fires, and its outcome lines, built once.</summary>
    private sealed class ReleaseRule
    {
        public ReleaseRule(string workflow, RuleInfo rule)
        {
            Name = rule.Name;
            Outcome = rule.Text("outcome");
            var basis = rule.Text("basis");
            string message;
            switch (Outcome)
            {
                case "Redirect":
                    Redirect = rule.Text("redirectTo");
                    message = "Redirect: " + Redirect;
                    break;
                case "Deny":
                    Denial = new Denial(rule.Text("reason"), basis, rule.Flag("reviewable"));
                    message = "Deny: " + Denial.Reason;
                    break;
                case "Hold":
                    Missing = new MissingElement(rule.Text("missing"), basis);
                    message = "Missing: " + Missing.Element;
                    break;
                case "Withhold":
                    Withheld = new WithheldCategory(Enum.Parse<SensitiveCategory>(rule.Text("category")), rule.Text("reason"), basis);
                    message = $"Withhold {Withheld.Category}: {Withheld.Reason}";
                    break;
                default:
                    Note = rule.Text("note");
                    message = "Note: " + Note;
                    break;
            }

            Applied = new RuleOutcome(workflow, Name, true, message);
            NotApplied = new RuleOutcome(workflow, Name, false, "Does not apply.");
        }

        public string Name { get; }
        public string Outcome { get; }
        public string Redirect { get; } = "";
        public Denial? Denial { get; }
        public MissingElement? Missing { get; }
        public WithheldCategory? Withheld { get; }
        public string Note { get; } = "";
        public RuleOutcome Applied { get; }
        public RuleOutcome NotApplied { get; }
    }
}
