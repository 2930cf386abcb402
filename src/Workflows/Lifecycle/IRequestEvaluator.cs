using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// The release and fee rules as the lifecycle sees them. The Rules project implements it over the
/// published rule set; the lifecycle only records what it answers and the version that answered.
/// </summary>
public interface IRequestEvaluator
{
    ReleaseAssessment AssessRelease(RecordsRequest request, DateOnly today);

    FeeAssessment AssessFee(RecordsRequest request, DateOnly today);
}
