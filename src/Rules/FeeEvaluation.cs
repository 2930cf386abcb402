using BackOffice.Workflows.Requests;

namespace BackOffice.Rules;

/// <summary>The itemised fee: one line per charging rule that fired, each with its legal basis.</summary>
public sealed record FeeEvaluation(
    int RuleSetVersion,
    IReadOnlyList<FeeLine> Lines,
    decimal Total,
    IllinoisFeeSchedule? Schedule,
    IReadOnlyList<RuleOutcome> Outcomes,
    IReadOnlyList<RuleError> Errors);
