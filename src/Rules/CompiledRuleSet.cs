using BackOffice.Workflows.Requests;
using RulesEngine.Models;

namespace BackOffice.Rules;

/// <summary>
/// A rule set ready to evaluate: one RulesEngine instance that keeps the compiled rules, made once per
/// version by <see cref="RuleSetCompiler"/> (a new engine per call would compile every rule again).
/// Safe to share between threads.
/// </summary>
public sealed class CompiledRuleSet
{
    // The names rule expressions use for their inputs.
    internal const string FactsParameter = "facts";
    internal const string ScheduleParameter = "schedule";
    internal const string CostParameter = "cost";
    internal const string IllinoisMaximumParameter = "illinoisMaximum";

    private readonly RulesEngine.RulesEngine _engine;
    private readonly FeeRules _fees;
    private readonly ReleaseRules _release;

    internal CompiledRuleSet(int version, RulesEngine.RulesEngine engine, FeeSchedules schedules,
        IReadOnlyDictionary<string, RuleCatalog> workflows)
    {
        Version = version;
        FeeSchedules = schedules;
        _engine = engine;
        _fees = new FeeRules(workflows[RuleSet.FeesDocument], workflows[RuleSet.IllinoisFeesDocument],
            workflows[RuleSet.HipaaFeesDocument], Run);
        _release = new ReleaseRules(workflows[RuleSet.ReleaseDocument]);
    }

    public int Version { get; }
    public FeeSchedules FeeSchedules { get; }

    public RuleSetEvaluation Evaluate(RequestFacts facts) => new(EvaluateFees(facts), EvaluateRelease(facts));

    public FeeEvaluation EvaluateFees(RequestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var evaluation = RulesTelemetry.Begin(RulesTelemetry.Fees, Version);
        try
        {
            var fees = EvaluateFeesUntimed(facts);
            evaluation.End(fees.Errors.Count);
            return fees;
        }
        catch
        {
            evaluation.End(errors: 1);
            throw;
        }
    }

    private FeeEvaluation EvaluateFeesUntimed(RequestFacts facts)
    {
        var schedule = FeeSchedules.InForceOn(facts.ReceivedOn);
        if (schedule is null)
        {
            RuleError error = new(RuleSet.FeeSchedulesDocument, null, "/illinois",
                $"No Illinois fee schedule is in force on {facts.ReceivedOn:yyyy-MM-dd}; add that year's schedule to {RuleSet.FeeSchedulesDocument}.");
            return new FeeEvaluation(Version, [], 0m, null, [], [error]);
        }

        var (lines, outcomes, errors) = _fees.Evaluate(facts, schedule, FeeSchedules.HipaaAccess);
        return new FeeEvaluation(Version, lines, lines.Sum(l => l.Amount), schedule, outcomes, errors);
    }

    public ReleaseEvaluation EvaluateRelease(RequestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var evaluation = RulesTelemetry.Begin(RulesTelemetry.Release, Version);
        try
        {
            var results = Run(_release.WorkflowName, [new RuleParameter(FactsParameter, facts)]);
            var outcomes = new List<RuleOutcome>(results.Count);
            var errors = new List<RuleError>();
            var decision = _release.Decide(results, outcomes, errors, facts);
            evaluation.End(errors.Count);
            return new ReleaseEvaluation(Version, decision, outcomes, errors);
        }
        catch
        {
            evaluation.End(errors: 1);
            throw;
        }
    }

    /// <summary>
    /// A fee from bare inputs (a public estimate): the records go to the requester, who asks as the
    /// patient (or their representative) or as a third party. Postage counts only for mailed copies.
    /// </summary>
    public FeeEstimate Estimate(RequesterType requester, CopyFormat format, int pages, DateOnly receivedOn,
        RequestPurpose purpose, DeliveryMethod delivery, decimal postage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        ArgumentOutOfRangeException.ThrowIfNegative(postage);
        var ownAccess = requester is RequesterType.Patient or RequesterType.PersonalRepresentative;
        var facts = new RequestFacts
        {
            Kind = ownAccess ? RequestKind.Access : RequestKind.Authorization,
            RequesterType = requester,
            RecipientType = requester,
            Format = format == CopyFormat.Electronic ? RecordFormat.Electronic : RecordFormat.Paper,
            Delivery = delivery,
            Purpose = purpose,
            PaperPages = format == CopyFormat.Paper ? pages : 0,
            ElectronicPages = format == CopyFormat.Electronic ? pages : 0,
            MicrofichePages = format == CopyFormat.Microfiche ? pages : 0,
            Postage = delivery == DeliveryMethod.Mail ? postage : 0m,
            ReceivedOn = receivedOn,
            Today = receivedOn,
        };
        var fees = EvaluateFees(facts);
        return fees.Errors.Count > 0
            ? throw new RuleSetException(fees.Errors)
            : new FeeEstimate(Version, fees.Lines, fees.Total, fees.Schedule?.Year);
    }

    /// <summary>
    /// Compiles every rule, parameter and expression now, so errors show before the first request:
    /// RulesEngine compiles a workflow when it first runs. A patient's own paper request runs every
    /// fee workflow; the release workflow runs whatever the facts.
    /// </summary>
    internal IReadOnlyList<RuleError> Probe()
    {
        var day = FeeSchedules.Illinois[0].EffectiveFrom;
        var facts = new RequestFacts
        {
            Kind = RequestKind.Access,
            RequesterType = RequesterType.Patient,
            RecipientType = RequesterType.Patient,
            ReceivedOn = day,
            Today = day,
        };
        return [.. EvaluateFees(facts).Errors, .. EvaluateRelease(facts).Errors];
    }

    // RulesEngine's API is asynchronous, but with no actions every rule runs synchronously; the task
    // is already complete when it returns, so waiting on it costs nothing and cannot deadlock.
    private List<RuleResultTree> Run(string workflow, RuleParameter[] parameters)
    {
        var pending = _engine.ExecuteAllRulesAsync(workflow, parameters);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }
}
