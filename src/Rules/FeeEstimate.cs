using BackOffice.Workflows.Requests;

namespace BackOffice.Rules;

/// <summary>A fee worked out from bare inputs by the same rules as an invoice.</summary>
public sealed record FeeEstimate(int RuleSetVersion, IReadOnlyList<FeeLine> Lines, decimal Total, int? ScheduleYear);
