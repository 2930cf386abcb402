namespace BackOffice.Rules;

public sealed record ReleaseEvaluation(
    int RuleSetVersion,
    ReleaseDecision Decision,
    IReadOnlyList<RuleOutcome> Outcomes,
    IReadOnlyList<RuleError> Errors);
