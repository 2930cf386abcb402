using BackOffice.Rules.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Rules.Tests;

/// <summary>Information that needs its own consent, minors, and deceased patients.</summary>
public class SpecialConsentTests
{
    private static ReleaseDecision Decide(RequestFacts facts)
    {
        var evaluation = ShippedRules.RuleSet.EvaluateRelease(facts);
        evaluation.Errors.ShouldBeEmpty();
        return evaluation.Decision;
    }

    private static WithheldCategory Withheld(ReleaseDecision decision, SensitiveCategory category) =>
        decision.Withheld.Where(w => w.Category == category).ShouldHaveSingleItem();

    [Fact]
    public void Authorization_WithoutSpecificConsents_WithholdsEachCategoryWithItsReason()
    {
        var decision = Decide(Facts.ThirdParty());

        decision.Kind.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
        decision.Withheld.Select(w => w.Category).ShouldBe(
            [SensitiveCategory.MentalHealth, SensitiveCategory.Hiv, SensitiveCategory.Genetic, SensitiveCategory.SubstanceUseDisorder],
            ignoreOrder: true);
        Withheld(decision, SensitiveCategory.MentalHealth).Basis.ShouldBe("740 ILCS 110/5");
        Withheld(decision, SensitiveCategory.Hiv).Basis.ShouldBe("410 ILCS 305/9");
        Withheld(decision, SensitiveCategory.Genetic).Basis.ShouldContain("410 ILCS 513/15");
        Withheld(decision, SensitiveCategory.SubstanceUseDisorder).Basis.ShouldContain("42 CFR Part 2");
        decision.Withheld.ShouldAllBe(w => w.Reason.Length > 20);
    }

    [Theory]
    [InlineData(SensitiveCategory.Hiv)]
    [InlineData(SensitiveCategory.Genetic)]
    [InlineData(SensitiveCategory.SubstanceUseDisorder)]
    public void Authorization_ReleasesACategory_WhenItsConsentIsGiven(SensitiveCategory category)
    {
        var facts = Facts.ThirdParty() with
        {
            HivConsent = category == SensitiveCategory.Hiv,
            GeneticConsent = category == SensitiveCategory.Genetic,
            SubstanceUseDisorderConsent = category == SensitiveCategory.SubstanceUseDisorder,
        };

        Decide(facts).Withheld.ShouldNotContain(w => w.Category == category);
    }

    [Fact]
    public void PatientAccess_WithholdsNothing_ForTheSubjectOfHivGeneticAndSudRecords()
    {
        Decide(Facts.PatientAccess()).Withheld.ShouldBeEmpty();
    }

    [Fact]
    public void MentalHealthConsent_WithoutAWitness_HoldsForTheWitness()
    {
        var decision = Decide(Facts.ThirdPartyWithEveryConsent() with { MentalHealthConsentWitnessed = false });

        decision.Kind.ShouldBe(ReleaseDecisionKind.HoldForInformation);
        decision.Missing.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            m => m.Element.ShouldContain("witness"),
            m => m.Basis.ShouldBe("740 ILCS 110/5(b)"));
    }

    [Fact]
    public void MentalHealthConsent_WithOnlyAnExpiryEvent_HoldsForACalendarDate()
    {
        var decision = Decide(Facts.ThirdPartyWithEveryConsent() with { ExpiresOn = null, ExpiryStated = true });

        decision.Missing.ShouldHaveSingleItem().Element.ShouldContain("calendar expiry date");
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(17, true)]
    [InlineData(18, false)]
    public void MentalHealth_OfA12To17YearOld_IsWithheldFromAParent(int age, bool withheld)
    {
        var parent = Facts.PatientAccess() with
        {
            RequesterType = RequesterType.PersonalRepresentative,
            RecipientType = RequesterType.PersonalRepresentative,
            RequesterAuthority = age < 18 ? RepresentativeAuthority.ParentOfMinor : RepresentativeAuthority.Guardian,
            AuthorityDescribed = true,
            PatientAge = age,
        };

        var decision = Decide(parent);

        decision.Withheld.Any(w => w.Category == SensitiveCategory.MentalHealth).ShouldBe(withheld);
        if (withheld)
        {
            Withheld(decision, SensitiveCategory.MentalHealth).Basis.ShouldBe("740 ILCS 110/4(a)");
        }
    }

    [Fact]
    public void MentalHealth_IsReleased_ToA15YearOldAskingForTheirOwnRecords()
    {
        Decide(Facts.PatientAccess() with { PatientAge = 15 }).Withheld.ShouldBeEmpty();
    }

    [Fact]
    public void PsychotherapyNotes_AskedForWithOtherRecords_AreWithheldWithoutTheirOwnAuthorization()
    {
        var decision = Decide(Facts.PatientAccess() with { PsychotherapyNotesRequested = true });

        decision.Kind.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
        Withheld(decision, SensitiveCategory.PsychotherapyNotes).Basis.ShouldContain("45 CFR 164.508(a)(2)");
    }

    [Fact]
    public void PsychotherapyNotes_AreReleased_UnderTheirOwnAuthorization()
    {
        Decide(Facts.PatientAccess() with { PsychotherapyNotesRequested = true, PsychotherapyNotesConsent = true }).Withheld.ShouldBeEmpty();
    }

    [Fact]
    public void PsychotherapyNotes_Only_UnderAGeneralAuthorization_HoldForASeparateOne()
    {
        var decision = Decide(Facts.ThirdPartyWithEveryConsent() with
        {
            PsychotherapyNotesConsent = false,
            PsychotherapyNotesRequested = true,
            OnlyPsychotherapyNotesRequested = true,
        });

        decision.Kind.ShouldBe(ReleaseDecisionKind.HoldForInformation);
        decision.Missing.ShouldHaveSingleItem().Element.ShouldContain("separate authorization for psychotherapy notes");
    }

    [Fact]
    public void MinorConsentedServices_AreWithheldFromAParent()
    {
        var parent = Facts.PatientAccess() with
        {
            RequesterType = RequesterType.PersonalRepresentative,
            RequesterAuthority = RepresentativeAuthority.ParentOfMinor,
            AuthorityDescribed = true,
            PatientAge = 16,
        };

        Withheld(Decide(parent), SensitiveCategory.MinorConsentedServices).Basis.ShouldContain("410 ILCS 210");
    }

    [Fact]
    public void MinorConsentedServices_NeedTheMinorsConsent_ForAThirdParty()
    {
        var decision = Decide(Facts.ThirdPartyWithEveryConsent() with { PatientAge = 16, MinorConsentedServicesConsent = false });

        Withheld(decision, SensitiveCategory.MinorConsentedServices).Reason.ShouldContain("minor's own consent");
    }

    [Theory]
    [InlineData(RepresentativeAuthority.Executor)]
    [InlineData(RepresentativeAuthority.Administrator)]
    [InlineData(RepresentativeAuthority.HealthCarePowerOfAttorney)]
    public void DeceasedPatient_RecordsGoToTheEstatesRepresentative_WithMentalHealthLeftToTheTherapist(RepresentativeAuthority authority)
    {
        var decision = Decide(Facts.PatientAccess() with
        {
            PatientDeceased = true,
            RequesterType = RequesterType.PersonalRepresentative,
            RequesterAuthority = authority,
            AuthorityDescribed = true,
        });

        decision.Kind.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
        Withheld(decision, SensitiveCategory.MentalHealth).Reason.ShouldContain("therapist");
    }

    [Fact]
    public void DeceasedPatient_WithoutAnEstateRepresentative_HoldsNamingWhoMaySign()
    {
        var decision = Decide(Facts.ThirdParty(RequesterType.Insurer) with { PatientDeceased = true });

        decision.Kind.ShouldBe(ReleaseDecisionKind.HoldForInformation);
        decision.Missing.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            m => m.Element.ShouldContain("executor or administrator"),
            m => m.Element.ShouldContain("Authorized Relative Certification"),
            m => m.Basis.ShouldBe("735 ILCS 5/8-2001.5"));
    }

    [Fact]
    public void DeceasedPatient_AuthorizedRelative_NeedsTheCertification()
    {
        var relative = Facts.PatientAccess() with
        {
            PatientDeceased = true,
            RequesterType = RequesterType.PersonalRepresentative,
            RequesterAuthority = RepresentativeAuthority.AuthorizedRelative,
            AuthorityDescribed = true,
        };

        Decide(relative).Missing.ShouldHaveSingleItem().Element.ShouldBe("The signed Authorized Relative Certification");
        Decide(relative with { SupportingDocumentProvided = true }).Kind.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
    }
}
