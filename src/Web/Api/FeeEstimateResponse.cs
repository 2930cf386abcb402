using BackOffice.Rules;

namespace BackOffice.Web.Api;

/// <summary>
/// A fee estimate: the total and its lines with their legal basis; <see cref="PlusPostage"/> when copies are mailed, a fee
/// is charged and no postage was given (actual postage is added to the invoice); the date whose fee schedule applies.
/// </summary>
public sealed record FeeEstimateResponse(decimal Total, string Currency, IReadOnlyList<FeeEstimateLine> Lines, int RuleSetVersion, int? ScheduleYear,
    bool PlusPostage = false, DateOnly? ReceivedOn = null)
{
    public static FeeEstimateResponse From(FeeEstimate estimate, FeeEstimateInput? input = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var plusPostage = input is { DeliveryMethod: Workflows.Requests.DeliveryMethod.Mail, PostageGiven: false } && estimate.Total > 0m;
        return new(estimate.Total, "USD", [.. estimate.Lines.Select(l => new FeeEstimateLine(l.Description, l.Amount, l.Basis))],
            estimate.RuleSetVersion, estimate.ScheduleYear, plusPostage, input?.ReceivedOn);
    }

    /// <summary>"$119.07 plus postage" or "$0.00".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TotalText => Total.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("en-US")) + (PlusPostage ? " plus postage" : "");
}
