using BackOffice.Rules;

namespace BackOffice.Web.Api;

public sealed record FeeEstimateResponse(decimal Total, string Currency, IReadOnlyList<FeeEstimateLine> Lines, int RuleSetVersion, int? ScheduleYear)
{
    public static FeeEstimateResponse From(FeeEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new(estimate.Total, "USD", [.. estimate.Lines.Select(l => new FeeEstimateLine(l.Description, l.Amount, l.Basis))],
            estimate.RuleSetVersion, estimate.ScheduleYear);
    }
}
