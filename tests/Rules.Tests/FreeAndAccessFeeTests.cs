using BackOffice.Rules.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Rules.Tests;

/// <summary>The free cases and a patient's own access (HIPAA cost-based fee, never above the Illinois maximum).</summary>
public class FreeAndAccessFeeTests
{
    private static readonly CompiledRuleSet Rules = ShippedRules.RuleSet;

    private static FeeEvaluation Fees(RequestFacts facts, CompiledRuleSet? rules = null)
    {
        var fees = (rules ?? Rules).EvaluateFees(facts);
        fees.Errors.ShouldBeEmpty();
        return fees;
    }

    [Fact]
    public void Fee_IsZeroWithItsReason_WhenRecordsGoStraightToAnotherProvider()
    {
        var fees = Fees(Facts.ThirdParty(RequesterType.Provider) with { PaperPages = 200, Postage = 9.00m });

        fees.Total.ShouldBe(0m);
        var line = fees.Lines.ShouldHaveSingleItem();
        line.Amount.ShouldBe(0m);
        line.Basis.ShouldContain("directly to another medical provider");
    }

    [Fact]
    public void Fee_IsZero_WhenAPatientSendsTheirRecordsToAProvider()
    {
        Fees(Facts.PatientAccess() with { RecipientType = RequesterType.Provider, PaperPages = 40 }).Total.ShouldBe(0m);
    }

    [Theory]
    [InlineData(RequestPurpose.VeteransDisability)]
    [InlineData(RequestPurpose.SocialSecurity)]
    [InlineData(RequestPurpose.SSI)]
    [InlineData(RequestPurpose.AABD)]
    public void Fee_IsZeroCitingThePublicAct_ForABenefitClaim(RequestPurpose purpose)
    {
        var fees = Fees(Facts.ThirdParty(RequesterType.OtherThirdParty) with { Purpose = purpose, PaperPages = 80, Postage = 4m });

        fees.Total.ShouldBe(0m);
        fees.Lines.ShouldHaveSingleItem().Basis.ShouldContain("P.A. 102-0183");
    }

    [Fact]
    public void Fee_IsCharged_ForAnInsurerWithAnOrdinaryPurpose()
    {
        Fees(Facts.ThirdParty(RequesterType.Insurer) with { Purpose = RequestPurpose.Insurance, PaperPages = 1 }).Total.ShouldBe(36.02m);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(2000)]
    public void Fee_IsTheFlatFeeWithNoPerPageCharge_ForAPatientsElectronicCopies(int pages)
    {
        var fees = Fees(Facts.PatientAccess() with { Format = RecordFormat.Electronic, ElectronicPages = pages });

        fees.Total.ShouldBe(6.50m);
        fees.Lines.ShouldHaveSingleItem().Basis.ShouldContain("45 CFR 164.524(c)(4)");
    }

    [Fact]
    public void Fee_IsTheFlatFee_ForAPersonalRepresentativesElectronicCopies()
    {
        var representative = Facts.PatientAccess() with
        {
            RequesterType = RequesterType.PersonalRepresentative,
            RecipientType = RequesterType.PersonalRepresentative,
            Format = RecordFormat.Electronic,
            ElectronicPages = 300,
        };

        Fees(representative).Total.ShouldBe(6.50m);
    }

    [Fact]
    public void Fee_IsLaborSuppliesAndPostageOnly_ForAPatientsPaperCopies()
    {
        var fees = Fees(Facts.PatientAccess() with { PaperPages = 100, Postage = 5.00m });

        fees.Lines.Select(l => (l.Description, l.Amount)).ShouldBe([
            ("Labor for copying (cost-based): 100 × 0.10", 10.00m),
            ("Paper and toner (cost-based): 100 × 0.05", 5.00m),
            ("Postage (actual cost)", 5.00m),
        ]);
        fees.Total.ShouldBe(20.00m);
        fees.Lines.ShouldNotContain(l => l.Description.Contains("Handling"));
    }

    [Fact]
    public void Fee_NeverExceedsTheIllinoisMaximum_ForAPatientsPaperCopies()
    {
        for (var pages = 0; pages <= 200; pages += 7)
        {
            var own = Fees(Facts.PatientAccess() with { PaperPages = pages, Postage = 3m }).Total;
            var thirdParty = Fees(Facts.ThirdParty() with { PaperPages = pages, Postage = 3m }).Total;
            own.ShouldBeLessThanOrEqualTo(thirdParty, $"{pages} pages");
        }
    }

    [Fact]
    public void Fee_IsCappedAtTheIllinoisMaximum_WhenCostBasedChargesWouldExceedIt()
    {
        var dearLabor = Drafts.Compile(Drafts.With(RuleSet.FeeSchedulesDocument, d => d["hipaaAccess"]!["laborPerPage"] = 1.50m));

        var fees = Fees(Facts.PatientAccess() with { PaperPages = 100 }, dearLabor);

        // 100 × (1.50 + 0.05) = 155.00 is more than 34.72 + 32.50 + 21.75 + 50 × 0.43 = 110.47.
        fees.Total.ShouldBe(110.47m);
        fees.Lines[^1].Amount.ShouldBe(110.47m - 155.00m);
        fees.Lines[^1].Basis.ShouldContain("735 ILCS 5/8-2001(d)");
    }

    [Fact]
    public void FlatFee_IsCappedAtTheIllinoisMaximum_WhenTheScheduleAllowsLess()
    {
        var cheapHandling = Drafts.Compile(Drafts.With(RuleSet.FeeSchedulesDocument, d => d["illinois"]![2]!["handling"] = 2.00m));

        var fees = Fees(Facts.PatientAccess() with { Format = RecordFormat.Electronic, ElectronicPages = 1 }, cheapHandling);

        fees.Total.ShouldBe(2.00m + 0.65m);
    }

    [Fact]
    public void Fee_UsesANewYearsSchedule_AddedAsDataOnly()
    {
        var with2026 = Drafts.Compile(Drafts.With(RuleSet.FeeSchedulesDocument, d => d["illinois"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["year"] = 2026,
            ["effectiveFrom"] = "2026-01-20",
            ["handling"] = 40.00m,
            ["firstTierRate"] = 1.50m,
            ["secondTierRate"] = 1.00m,
            ["overSecondTierRate"] = 0.50m,
            ["microficheRate"] = 2.50m,
            ["firstTierLastPage"] = 25,
            ["secondTierLastPage"] = 50,
            ["source"] = "Illinois Comptroller, Copying Fees Adjustments 2026 (test figures)",
        })));

        var in2026 = Fees(Facts.ThirdParty(received: new DateOnly(2026, 1, 20)) with { PaperPages = 120 }, with2026);
        var before = Fees(Facts.ThirdParty(received: new DateOnly(2026, 1, 19)) with { PaperPages = 120 }, with2026);

        in2026.Schedule!.Year.ShouldBe(2026);
        in2026.Total.ShouldBe(40.00m + 37.50m + 25.00m + 35.00m);
        before.Total.ShouldBe(119.07m);
        with2026.Version.ShouldBe(2);
    }
}
