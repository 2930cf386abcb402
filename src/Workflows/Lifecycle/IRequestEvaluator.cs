using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

public sealed record FeeAssessment(int RuleSetVersion, decimal Total, IReadOnlyList<FeeLine> Lines);

public sealed record ReleaseAssessment(
    int RuleSetVersion,
    ReleaseDecisionKind Decision,
    string Summary,
    IReadOnlyList<string> MissingElements,
    IReadOnlyList<SensitiveCategory> Withheld,
    string? RedirectTo);

/// <summary>
/// The release and fee rules as the lifecycle sees them. The Rules project implements it over the
/// published rule set; the lifecycle only records what it answers and the version that answered.
/// </summary>
public interface IRequestEvaluator
{
    ReleaseAssessment AssessRelease(RecordsRequest request, DateOnly today);

    FeeAssessment AssessFee(RecordsRequest request, DateOnly today);
}
