using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

public sealed record ReleaseAssessment(
    int RuleSetVersion,
    ReleaseDecisionKind Decision,
    string Summary,
    IReadOnlyList<string> MissingElements,
    IReadOnlyList<Withholding> Withheld,
    string? RedirectTo);
