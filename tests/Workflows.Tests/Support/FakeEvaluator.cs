using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Tests.Support;

/// <summary>Stands in for the rule engine so lifecycle tests choose the decision and the fee.</summary>
public sealed class FakeEvaluator : IRequestEvaluator
{
    public ReleaseDecisionKind Decision { get; set; } = ReleaseDecisionKind.Release;
    public IReadOnlyList<string> Missing { get; set; } = [];
    public IReadOnlyList<SensitiveCategory> Withheld { get; set; } = [];
    public decimal PricePerPage { get; set; } = 1.00m;
    public int RuleSetVersion { get; set; } = 7;
    public bool Throw { get; set; }

    public ReleaseAssessment AssessRelease(RecordsRequest request, DateOnly today) =>
        Throw ? throw new InvalidOperationException("rules failed")
            : new(RuleSetVersion, Decision, $"fake {Decision}", Missing, [.. Withheld.Select(c => new Withholding(c, "test reason", "test basis"))], Decision == ReleaseDecisionKind.Redirect ? "Edward-Elmhurst Health records" : null);

    public FeeAssessment AssessFee(RecordsRequest request, DateOnly today)
    {
        var amount = request.Pages.Total * PricePerPage + request.Postage;
        return new(RuleSetVersion, amount, amount == 0 ? [] : [new FeeLine("Copies", amount, "test basis")]);
    }
}
