using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;

namespace BackOffice.Rules;

// Placeholder until the RulesEngine evaluator lands (issue 3): it refuses, so nothing is released unjudged.
internal sealed class PendingRulesEvaluator : IRequestEvaluator
{
    public ReleaseAssessment AssessRelease(RecordsRequest request, DateOnly today) =>
        new(0, ReleaseDecisionKind.HoldForInformation, "The release rules are not installed yet.", ["review by staff"], [], null);

    public FeeAssessment AssessFee(RecordsRequest request, DateOnly today) =>
        throw new DomainException("The fee rules are not installed yet.");
}
