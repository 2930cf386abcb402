using System.Globalization;
using BackOffice.Rules.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Rules.Tests;

/// <summary>Third parties pay the Illinois maximum: handling, three page tiers, microfiche, postage.</summary>
public class IllinoisFeeTests
{
    private static readonly CompiledRuleSet Rules = ShippedRules.RuleSet;

    private static FeeEvaluation Fees(RequestFacts facts)
    {
        var fees = Rules.EvaluateFees(facts);
        fees.Errors.ShouldBeEmpty();
        return fees;
    }

    private static RequestFacts ThirdPartyIn(int year) => Facts.ThirdParty(received: new DateOnly(year, 6, 1));

    [Fact]
    public void Fee_Is11907_For2024Attorney120PaperPages()
    {
        var fees = Fees(Facts.ThirdParty() with { PaperPages = 120 });

        fees.Total.ShouldBe(119.07m);
        fees.Lines.Select(l => l.Amount).ShouldBe([34.72m, 32.50m, 21.75m, 30.10m]);
        fees.Schedule!.Year.ShouldBe(2024);
    }

    [Fact]
    public void Fee_ItemisesEveryChargeWithItsBasis_For2024Attorney120PaperPages()
    {
        var fees = Fees(Facts.ThirdParty() with { PaperPages = 120 });

        fees.Lines.Select(l => l.Description).ShouldBe([
            "Handling charge",
            "Paper copies, pages 1-25: 25 × 1.30",
            "Paper copies, pages 26-50: 25 × 0.87",
            "Paper copies, pages over 50: 70 × 0.43",
        ]);
        fees.Lines.ShouldAllBe(l => l.Basis.Contains("735 ILCS 5/8-2001(d)"));
    }

    [Theory]
    [InlineData(2017, 0, "27.33")]
    [InlineData(2017, 1, "28.35")]
    [InlineData(2017, 25, "52.83")]
    [InlineData(2017, 26, "53.51")]
    [InlineData(2017, 50, "69.83")]
    [InlineData(2017, 51, "70.17")]
    [InlineData(2020, 0, "29.09")]
    [InlineData(2020, 1, "30.18")]
    [InlineData(2020, 25, "56.34")]
    [InlineData(2020, 26, "57.07")]
    [InlineData(2020, 50, "74.59")]
    [InlineData(2020, 51, "74.95")]
    [InlineData(2024, 0, "34.72")]
    [InlineData(2024, 1, "36.02")]
    [InlineData(2024, 25, "67.22")]
    [InlineData(2024, 26, "68.09")]
    [InlineData(2024, 50, "88.97")]
    [InlineData(2024, 51, "89.40")]
    [InlineData(2024, 120, "119.07")]
    public void Fee_FollowsPaperTierBoundaries_ForEachShippedYear(int year, int pages, string expected)
    {
        Fees(ThirdPartyIn(year) with { PaperPages = pages }).Total.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(2017, 25, "40.08")]
    [InlineData(2017, 26, "40.42")]
    [InlineData(2017, 50, "48.58")]
    [InlineData(2017, 51, "48.75")]
    [InlineData(2020, 25, "42.59")]
    [InlineData(2020, 26, "42.95")]
    [InlineData(2020, 50, "51.59")]
    [InlineData(2020, 51, "51.77")]
    [InlineData(2024, 25, "50.97")]
    [InlineData(2024, 26, "51.40")]
    [InlineData(2024, 50, "61.72")]
    [InlineData(2024, 51, "61.93")]
    [InlineData(2024, 120, "76.42")]
    public void Fee_ChargesHalfThePaperRateRoundedDown_ForElectronicCopiesAtTierBoundaries(int year, int pages, string expected)
    {
        Fees(ThirdPartyIn(year) with { ElectronicPages = pages, Format = RecordFormat.Electronic })
            .Total.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(2024, "IllinoisElectronicSecondTier", "0.43")] // 0.87 / 2 = 0.435
    [InlineData(2024, "IllinoisElectronicOverSecondTier", "0.21")] // 0.43 / 2 = 0.215
    [InlineData(2020, "IllinoisElectronicFirstTier", "0.54")] // 1.09 / 2 = 0.545
    [InlineData(2020, "IllinoisElectronicSecondTier", "0.36")] // 0.73 / 2 = 0.365
    [InlineData(2017, "IllinoisElectronicFirstTier", "0.51")] // 1.02 / 2 exactly
    public void ElectronicRate_FallingOnHalfCent_IsRoundedDown(int year, string rule, string expectedRate)
    {
        var fees = Fees(ThirdPartyIn(year) with { ElectronicPages = 60, Format = RecordFormat.Electronic });

        var outcome = fees.Outcomes.Single(o => o.Rule == rule);
        outcome.Success.ShouldBeTrue();
        outcome.Message.ShouldContain("× " + expectedRate + ":");
    }

    [Fact]
    public void Fee_RunsTiersOverPaperThenElectronic_ForMixedCopies()
    {
        // Paper takes pages 1-20; electronic pages are 21-25 (tier 1) and 26-30 (tier 2), at half rate.
        Fees(Facts.ThirdParty() with { PaperPages = 20, ElectronicPages = 10 }).Total.ShouldBe(34.72m + 26.00m + 3.25m + 2.15m);
        Fees(Facts.ThirdParty() with { PaperPages = 60, ElectronicPages = 10 }).Total.ShouldBe(34.72m + 32.50m + 21.75m + 4.30m + 2.10m);
    }

    [Theory]
    [InlineData(2017, 10, "44.43")]
    [InlineData(2020, 10, "47.29")]
    [InlineData(2024, 10, "56.42")]
    [InlineData(2024, 60, "164.92")]
    public void Fee_UsesTheMicroficheRateWithoutTiers(int year, int pages, string expected)
    {
        var fees = Fees(ThirdPartyIn(year) with { MicrofichePages = pages });

        fees.Total.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
        fees.Lines.ShouldContain(l => l.Description.StartsWith("Copies from microfiche", StringComparison.Ordinal));
    }

    [Fact]
    public void Fee_AddsActualPostageAsItsOwnLine()
    {
        var fees = Fees(Facts.ThirdParty() with { PaperPages = 120, Postage = 7.85m });

        fees.Total.ShouldBe(126.92m);
        fees.Lines[^1].ShouldBe(new FeeLine("Postage and shipping (actual cost)", 7.85m, "735 ILCS 5/8-2001(d): actual postage or shipping charges"));
    }

    [Fact]
    public void Fee_HasNoPostageLine_WhenNothingWasMailed()
    {
        Fees(Facts.ThirdParty() with { PaperPages = 10 }).Lines.ShouldNotContain(l => l.Description.Contains("Postage"));
    }

    [Fact]
    public void Fee_AppliesTheIllinoisSchedule_WhenThePatientDirectsCopiesToAThirdParty()
    {
        // Ciox Health v. Azar: the HIPAA access limits cover the patient's own copies only.
        var directed = Facts.PatientAccess() with { RecipientType = RequesterType.Attorney, PaperPages = 120 };

        Fees(directed).Total.ShouldBe(119.07m);
    }

    [Theory]
    [InlineData("2017-01-01", 2017)]
    [InlineData("2019-12-31", 2017)]
    [InlineData("2020-01-01", 2020)]
    [InlineData("2023-12-31", 2020)]
    [InlineData("2024-01-01", 2024)]
    [InlineData("2026-06-30", 2024)]
    public void Fee_UsesTheScheduleInForceOnTheReceivedDate(string received, int expectedYear)
    {
        var day = DateOnly.Parse(received, CultureInfo.InvariantCulture);

        Fees(Facts.ThirdParty(received: day) with { PaperPages = 1 }).Schedule!.Year.ShouldBe(expectedYear);
    }

    [Fact]
    public void Fee_IsAnErrorNamingTheScheduleFile_WhenNoScheduleIsInForce()
    {
        var fees = Rules.EvaluateFees(Facts.ThirdParty(received: new DateOnly(2016, 12, 31)) with { PaperPages = 1 });

        fees.Lines.ShouldBeEmpty();
        fees.Errors.ShouldHaveSingleItem().Message.ShouldContain("fee-schedules.json");
    }
}
