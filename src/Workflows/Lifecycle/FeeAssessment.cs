using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Lifecycle;

public sealed record FeeAssessment(int RuleSetVersion, decimal Total, IReadOnlyList<FeeLine> Lines);
