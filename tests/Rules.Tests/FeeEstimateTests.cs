using BackOffice.Rules.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Rules.Tests;

/// <summary>The public fee estimate runs the same rules from bare inputs.</summary>
public class FeeEstimateTests
{
    private static readonly CompiledRuleSet Rules = ShippedRules.RuleSet;
    private static readonly DateOnly March2024 = new(2024, 3, 1);

    [Fact]
    public void Estimate_Is11907_For2024Attorney120PaperPagesWithoutPostage()
    {
        var estimate = Rules.Estimate(RequesterType.Attorney, CopyFormat.Paper, 120, March2024, RequestPurpose.Legal, DeliveryMethod.Mail, 0m);

        estimate.Total.ShouldBe(119.07m);
        estimate.ScheduleYear.ShouldBe(2024);
        estimate.RuleSetVersion.ShouldBe(1);
        estimate.Lines.Count.ShouldBe(4);
    }

    [Fact]
    public void Estimate_AddsPostage_OnlyWhenCopiesAreMailed()
    {
        Rules.Estimate(RequesterType.Attorney, CopyFormat.Paper, 120, March2024, RequestPurpose.Legal, DeliveryMethod.Mail, 7.85m)
            .Total.ShouldBe(126.92m);
        Rules.Estimate(RequesterType.Attorney, CopyFormat.Paper, 120, March2024, RequestPurpose.Legal, DeliveryMethod.Pickup, 7.85m)
            .Total.ShouldBe(119.07m);
    }

    [Fact]
    public void Estimate_ChargesTheMicroficheRate_ForMicroficheCopies()
    {
        Rules.Estimate(RequesterType.Insurer, CopyFormat.Microfiche, 10, March2024, RequestPurpose.Insurance, DeliveryMethod.Mail, 0m)
            .Total.ShouldBe(56.42m);
    }

    [Fact]
    public void Estimate_IsTheFlatFee_ForAPatientsElectronicCopies()
    {
        Rules.Estimate(RequesterType.Patient, CopyFormat.Electronic, 500, March2024, RequestPurpose.AtRequestOfIndividual, DeliveryMethod.Portal, 0m)
            .Total.ShouldBe(6.50m);
    }

    [Theory]
    [InlineData(RequesterType.Provider, RequestPurpose.ContinuingCare)]
    [InlineData(RequesterType.OtherThirdParty, RequestPurpose.VeteransDisability)]
    public void Estimate_IsZero_ForTheFreeCases(RequesterType requester, RequestPurpose purpose)
    {
        Rules.Estimate(requester, CopyFormat.Paper, 100, March2024, purpose, DeliveryMethod.Mail, 5m).Total.ShouldBe(0m);
    }

    [Fact]
    public void Estimate_Throws_WhenNoScheduleIsInForce()
    {
        Should.Throw<RuleSetException>(() =>
            Rules.Estimate(RequesterType.Attorney, CopyFormat.Paper, 1, new DateOnly(2015, 1, 1), RequestPurpose.Legal, DeliveryMethod.Mail, 0m))
            .Errors.ShouldHaveSingleItem().Document.ShouldBe(RuleSet.FeeSchedulesDocument);
    }
}
