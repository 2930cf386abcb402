namespace BackOffice.Rules;

/// <summary>Fees and release decision of one request under one rule-set version.</summary>
public sealed record RuleSetEvaluation(FeeEvaluation Fees, ReleaseEvaluation Release)
{
    public int RuleSetVersion => Fees.RuleSetVersion;
    public IReadOnlyList<RuleOutcome> Outcomes => [.. Fees.Outcomes, .. Release.Outcomes];
    public IReadOnlyList<RuleError> Errors => [.. Fees.Errors, .. Release.Errors];
}
