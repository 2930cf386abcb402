using BackOffice.Workflows.Requests;

namespace BackOffice.Rules;

/// <summary>What one rule did in one evaluation, for a screen that shows each rule's outcome.</summary>
public sealed record RuleOutcome(string Workflow, string Rule, bool Success, string Message);

/// <summary>The itemised fee: one line per charging rule that fired, each with its legal basis.</summary>
public sealed record FeeEvaluation(
    int RuleSetVersion,
    IReadOnlyList<FeeLine> Lines,
    decimal Total,
    IllinoisFeeSchedule? Schedule,
    IReadOnlyList<RuleOutcome> Outcomes,
    IReadOnlyList<RuleError> Errors);

public sealed record MissingElement(string Element, string Basis);

public sealed record WithheldCategory(SensitiveCategory Category, string Reason, string Basis);

public sealed record Denial(string Reason, string Basis, bool Reviewable);

/// <summary>The one decision on a request and everything the letters to the requester must say.</summary>
public sealed record ReleaseDecision(
    ReleaseDecisionKind Kind,
    string Summary,
    IReadOnlyList<MissingElement> Missing,
    IReadOnlyList<WithheldCategory> Withheld,
    string? RedirectTo,
    Denial? Denial,
    IReadOnlyList<string> Notes);

public sealed record ReleaseEvaluation(
    int RuleSetVersion,
    ReleaseDecision Decision,
    IReadOnlyList<RuleOutcome> Outcomes,
    IReadOnlyList<RuleError> Errors);

/// <summary>Fees and release decision of one request under one rule-set version.</summary>
public sealed record RuleSetEvaluation(FeeEvaluation Fees, ReleaseEvaluation Release)
{
    public int RuleSetVersion => Fees.RuleSetVersion;
    public IReadOnlyList<RuleOutcome> Outcomes => [.. Fees.Outcomes, .. Release.Outcomes];
    public IReadOnlyList<RuleError> Errors => [.. Fees.Errors, .. Release.Errors];
}

/// <summary>How the copies are made, for an estimate before any page is counted.</summary>
public enum CopyFormat
{
    Paper,
    Electronic,
    Microfiche,
}

/// <summary>A fee worked out from bare inputs by the same rules as an invoice.</summary>
public sealed record FeeEstimate(int RuleSetVersion, IReadOnlyList<FeeLine> Lines, decimal Total, int? ScheduleYear);
