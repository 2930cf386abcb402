using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;

namespace BackOffice.Rules;

/// <summary>
/// The rules as the rest of the application sees them: the lifecycle's <see cref="IRequestEvaluator"/>,
/// the full evaluation for a screen that shows each rule's outcome, and the public fee estimate. Every
/// answer carries the rule-set version that gave it. A rule that fails is an error, never a guess.
/// </summary>
public sealed class RulesEvaluator(IRuleSetSource source, RuleSetCache cache) : IRequestEvaluator
{
    public CompiledRuleSet Current => cache.Get(source.Current);

    public RuleSetEvaluation Evaluate(RequestFacts facts) => Current.Evaluate(facts);

    public FeeEstimate Estimate(RequesterType requester, CopyFormat format, int pages, DateOnly receivedOn,
        RequestPurpose purpose, DeliveryMethod delivery, decimal postage) =>
        Current.Estimate(requester, format, pages, receivedOn, purpose, delivery, postage);

    public ReleaseAssessment AssessRelease(RecordsRequest request, DateOnly today)
    {
        var evaluation = Current.EvaluateRelease(RequestFactsBuilder.From(request, today));
        ThrowIfFailed(evaluation.Errors);
        var decision = evaluation.Decision;
        return new ReleaseAssessment(
            evaluation.RuleSetVersion,
            decision.Kind,
            decision.Summary,
            [.. decision.Missing.Select(m => m.Element)],
            [.. decision.Withheld.Select(w => new Withholding(w.Category, w.Reason, w.Basis))],
            decision.RedirectTo);
    }

    public FeeAssessment AssessFee(RecordsRequest request, DateOnly today)
    {
        var evaluation = Current.EvaluateFees(RequestFactsBuilder.From(request, today));
        ThrowIfFailed(evaluation.Errors);
        return new FeeAssessment(evaluation.RuleSetVersion, evaluation.Total, evaluation.Lines);
    }

    private static void ThrowIfFailed(IReadOnlyList<RuleError> errors)
    {
        if (errors.Count > 0)
        {
            throw new RuleSetException(errors);
        }
    }
}
