using BackOffice.Rules;

namespace BackOffice.Web.Api;

/// <summary>
/// A fee estimate: the total and its lines with their legal basis; <see cref="PlusPostage"/> when copies are mailed, a fee
/// is charged and no postage was given (actual postage is added to the invoice); the date whose fee schedule applies. The words
/// are in the caller's language (the culture cookie or Accept-Language), English by default.
/// </summary>
public sealed record FeeEstimateResponse(decimal Total, string Currency, IReadOnlyList<FeeEstimateLine> Lines, int RuleSetVersion, int? ScheduleYear,
    bool PlusPostage = false, DateOnly? ReceivedOn = null)
{
    /// <param name="words">Given: each line's description and basis in the current language (<see cref="Localization.RuleWords"/>).</param>
    public static FeeEstimateResponse From(FeeEstimate estimate, FeeEstimateInput? input = null, Localization.RuleWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var plusPostage = input is { DeliveryMethod: Workflows.Requests.DeliveryMethod.Mail, PostageGiven: false } && estimate.Total > 0m;
        return new(estimate.Total, "USD",
            [.. estimate.Lines.Select(l => new FeeEstimateLine(words?.FeeDescription(l.Description) ?? l.Description, l.Amount, words?.Text(l.Basis) ?? l.Basis))],
            estimate.RuleSetVersion, estimate.ScheduleYear, plusPostage, input?.ReceivedOn);
    }
}
