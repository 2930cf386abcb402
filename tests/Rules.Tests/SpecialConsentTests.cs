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

    // 740 ILCS 110/5(b): a defective mental-health consent withholds that category with its reason; the rest of what
    // the valid authorization covers is released (a partial release, not a hold of everything).
    [Theory]
    [InlineData("no witness", "has no witness")]
    [InlineData("witness dated before the signature", "dated the mental-health consent before it was signed")]
    [InlineData("the recipient as witness", "is the person receiving the records")]
    [InlineData("no calendar expiry date", "no calendar expiry date")]
    public void DefectiveMentalHealthConsent_WithholdsOnlyMentalHealth_AndReleasesTheRest_740ILCS110_5b(string defect, string reason)
    {
        var facts = defect switch
        {
            "no witness" => Facts.ThirdPartyWithEveryConsent() with { MentalHealthConsentWitnessed = false },
            "witness dated before the signature" => Facts.ThirdPartyWithEveryConsent() with { MentalHealthWitnessDatedBeforeSigner = true },
            "the recipient as witness" => Facts.ThirdPartyWithEveryConsent() with { MentalHealthWitnessIsRecipient = true },
            _ => Facts.ThirdPartyWithEveryConsent() with { ExpiresOn = null, ExpiryStated = true },
        };

        var decision = Decide(facts);

        decision.Kind.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
        decision.Missing.ShouldBeEmpty();
        var withheld = decision.Withheld.ShouldHaveSingleItem();
        withheld.Category.ShouldBe(SensitiveCategory.MentalHealth);
        withheld.Basis.ShouldBe("740 ILCS 110/5(b)");
        withheld.Reason.ShouldContain(reason);
        withheld.Reason.ShouldContain("send a");
    }

    // 45 CFR 164.524(a)(1): the right of access covers the whole designated record set, sensitive categories included;
    // no specific consent is needed for one's own records.
    [Fact]
    public void PatientAccess_CoversEverySensitiveCategoryTheRecordsHold_WithoutAnyConsent_45CFR164_524()
    {
        var decision = Decide(Facts.PatientAccess() with
        {
            ContentsRecorded = true, MentalHealthPresent = true, HivPresent = true, GeneticPresent = true,
            SubstanceUseDisorderPresent = true, MinorConsentedServicesPresent = true,
        });

        decision.Kind.ShouldBe(ReleaseDecisionKind.Release);
        decision.Withheld.ShouldBeEmpty();
    }

    // 45 CFR 164.524(a)(1): all or part of the record, as the patient asks; leaving a category out is their own choice.
    [Theory]
    [InlineData(SensitiveCategory.MentalHealth)]
    [InlineData(SensitiveCategory.Hiv)]
    [InlineData(SensitiveCategory.Genetic)]
    [InlineData(SensitiveCategory.SubstanceUseDisorder)]
    [InlineData(SensitiveCategory.MinorConsentedServices)]
    public void PatientAccess_LeavesOutWhatThePatientChoseToLeaveOut_45CFR164_524a1(SensitiveCategory category)
    {
        var facts = Facts.PatientAccess() with
        {
            MentalHealthLeftOut = category == SensitiveCategory.MentalHealth,
            HivLeftOut = category == SensitiveCategory.Hiv,
            GeneticLeftOut = category == SensitiveCategory.Genetic,
            SubstanceUseDisorderLeftOut = category == SensitiveCategory.SubstanceUseDisorder,
            MinorConsentedServicesLeftOut = category == SensitiveCategory.MinorConsentedServices,
        };

        var withheld = Decide(facts).Withheld.ShouldHaveSingleItem();

        withheld.Category.ShouldBe(category);
        withheld.Reason.ShouldStartWith("Left out at the patient's own request");
        withheld.Basis.ShouldStartWith("45 CFR 164.524(a)(1)");
    }

    // Withholding follows what the records hold: before the contents are recorded each category is withheld "if present";
    // afterwards only categories present and not permitted are (740 ILCS 110/5; 410 ILCS 305/9; 410 ILCS 513; 42 CFR Part 2).
    [Fact]
    public void Authorization_BeforeTheContentsAreRecorded_WithholdsEachCategoryIfPresent()
    {
        var decision = Decide(Facts.ThirdParty());

        decision.Withheld.Count.ShouldBe(4);
        decision.Withheld.ShouldAllBe(w => w.IfPresent);
        decision.Summary.ShouldStartWith("Release; if the records contain them, withhold:");
    }

    [Fact]
    public void Authorization_AfterTheContentsAreRecorded_WithholdsOnlyWhatTheRecordsHold()
    {
        var decision = Decide(Facts.ThirdParty() with { ContentsRecorded = true, HivPresent = true, GeneticPresent = true, GeneticConsent = true });

        var withheld = decision.Withheld.ShouldHaveSingleItem();
        withheld.Category.ShouldBe(SensitiveCategory.Hiv);
        withheld.Basis.ShouldBe("410 ILCS 305/9");
        withheld.IfPresent.ShouldBeFalse();
        decision.Summary.ShouldStartWith("Release without: Hiv");
    }

    [Fact]
    public void Authorization_WhoseRecordsHoldNoSensitiveCategory_IsAPlainRelease()
    {
        var decision = Decide(Facts.ThirdParty() with { ContentsRecorded = true });

        decision.Kind.ShouldBe(ReleaseDecisionKind.Release);
        decision.Withheld.ShouldBeEmpty();
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
            Withheld(decision, SensitiveCategory.MentalHealth).Basis.ShouldBe("740 ILCS 110/4(a)(3)");
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
            LettersOfOfficeProvided = true,
            PowerOfAttorneyContinuesAfterDeath = true,
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
            DeceasedRelation = DeceasedRelation.SurvivingSpouse,
            HigherPriorityPersonExists = false,
        };

        Decide(relative).Missing.ShouldHaveSingleItem().Element.ShouldBe("The signed Authorized Relative Certification");
        Decide(relative with { SupportingDocumentProvided = true }).Kind.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
    }

    private static RequestFacts DeceasedSignedBy(RepresentativeAuthority authority) => Facts.PatientAccess() with
    {
        PatientDeceased = true,
        RequesterType = RequesterType.PersonalRepresentative,
        RecipientType = RequesterType.PersonalRepresentative,
        RequesterAuthority = authority,
        AuthorityDescribed = true,
        SupportingDocumentProvided = true,
    };

    // 735 ILCS 5/8-2001.5(a): the executor or administrator, or the agent under a health-care power of attorney; when
    // none exists and the patient did not object in writing, the surviving spouse, or if none any adult child, parent or
    // adult sibling, with the Authorized Relative Certification.
    [Theory]
    [InlineData("executor without letters of office", "letters of office")]
    [InlineData("administrator without letters of office", "letters of office")]
    [InlineData("agent whose power ended at death", "continues after death")]
    [InlineData("relative who does not say how related", "How the authorized relative is related")]
    [InlineData("relative who does not say whether anyone comes first", "Whether there is an executor")]
    [InlineData("child while a surviving spouse exists", "the person who comes first under the statute")]
    public void DeceasedPatient_IsHeldWithTheReason_WhenTheSignersStandingIsNotShown_735ILCS5_8_2001_5(string who, string missing)
    {
        var facts = who switch
        {
            "executor without letters of office" => DeceasedSignedBy(RepresentativeAuthority.Executor),
            "administrator without letters of office" => DeceasedSignedBy(RepresentativeAuthority.Administrator),
            "agent whose power ended at death" => DeceasedSignedBy(RepresentativeAuthority.HealthCarePowerOfAttorney) with { PowerOfAttorneyContinuesAfterDeath = false },
            "relative who does not say how related" => DeceasedSignedBy(RepresentativeAuthority.AuthorizedRelative) with { HigherPriorityPersonExists = false },
            "relative who does not say whether anyone comes first" => DeceasedSignedBy(RepresentativeAuthority.AuthorizedRelative) with { DeceasedRelation = DeceasedRelation.Parent },
            _ => DeceasedSignedBy(RepresentativeAuthority.AuthorizedRelative) with { DeceasedRelation = DeceasedRelation.AdultChild, HigherPriorityPersonExists = true },
        };

        var decision = Decide(facts);

        decision.Kind.ShouldBe(ReleaseDecisionKind.HoldForInformation);
        decision.Missing.ShouldContain(m => m.Element.Contains(missing) && m.Basis == "735 ILCS 5/8-2001.5(a)");
    }

    [Theory]
    [InlineData(DeceasedRelation.SurvivingSpouse)]
    [InlineData(DeceasedRelation.AdultChild)]
    [InlineData(DeceasedRelation.Parent)]
    [InlineData(DeceasedRelation.AdultSibling)]
    public void DeceasedPatient_AnyRelativeOfTheSecondClass_MayAsk_WhenNoSpouseOrEstateRepresentativeExists_735ILCS5_8_2001_5(DeceasedRelation relation)
    {
        var decision = Decide(DeceasedSignedBy(RepresentativeAuthority.AuthorizedRelative) with { DeceasedRelation = relation, HigherPriorityPersonExists = false });

        decision.Missing.ShouldBeEmpty();
        decision.Kind.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld); // mental health still needs the therapist (740 ILCS 110/5(a))
    }

    [Fact]
    public void DeceasedPatient_WhoObjectedInWriting_IsDeniedToARelative_735ILCS5_8_2001_5()
    {
        var decision = Decide(DeceasedSignedBy(RepresentativeAuthority.AuthorizedRelative) with
        {
            DeceasedRelation = DeceasedRelation.SurvivingSpouse, HigherPriorityPersonExists = false, PatientObjectedInWriting = true,
        });

        decision.Kind.ShouldBe(ReleaseDecisionKind.Deny);
        decision.Denial.ShouldNotBeNull().ShouldSatisfyAllConditions(d => d.Basis.ShouldBe("735 ILCS 5/8-2001.5(a)"), d => d.Reviewable.ShouldBeFalse());
    }

    private static RequestFacts ParentOf(int age) => Facts.PatientAccess() with
    {
        RequesterType = RequesterType.PersonalRepresentative,
        RecipientType = RequesterType.PersonalRepresentative,
        RequesterAuthority = RepresentativeAuthority.ParentOfMinor,
        AuthorityDescribed = true,
        PatientAge = age,
        ContentsRecorded = true,
        MentalHealthPresent = true,
    };

    // 740 ILCS 110/4(a)(3): "the parent or guardian of a recipient who is at least 12 but under 18 years, if the recipient
    // is informed and does not object or if the therapist does not find that there are compelling reasons for denying the
    // access. The parent or guardian who is denied access by either the recipient or the therapist may petition a court".
    [Theory]
    [InlineData(MinorObjection.InformedDoesNotObject, TherapistFinding.NotAsked, "release")]
    [InlineData(MinorObjection.Objects, TherapistFinding.NotDetrimental, "release")]
    [InlineData(MinorObjection.NotAsked, TherapistFinding.NotDetrimental, "release")]
    [InlineData(MinorObjection.NotAsked, TherapistFinding.NotAsked, "hold for the minor or therapist")]
    [InlineData(MinorObjection.Objects, TherapistFinding.NotAsked, "hold for the therapist")]
    [InlineData(MinorObjection.Objects, TherapistFinding.Detrimental, "withhold")]
    public void MentalHealth_OfA12To17YearOld_FollowsTheMinorAndTheTherapist_740ILCS110_4a3(MinorObjection objection, TherapistFinding finding, string expected)
    {
        var decision = Decide(ParentOf(15) with { MinorObjection = objection, TherapistFinding = finding });

        switch (expected)
        {
            case "release":
                decision.Kind.ShouldBe(ReleaseDecisionKind.Release);
                break;
            case "hold for the minor or therapist":
                decision.Missing.ShouldHaveSingleItem().ShouldSatisfyAllConditions(m => m.Element.ShouldContain("was told"), m => m.Basis.ShouldBe("740 ILCS 110/4(a)(3)"));
                break;
            case "hold for the therapist":
                decision.Missing.ShouldHaveSingleItem().Element.ShouldStartWith("The therapist's review");
                break;
            default:
                decision.Kind.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
                Withheld(decision, SensitiveCategory.MentalHealth).Reason.ShouldContain("may petition a court");
                break;
        }
    }

    [Fact]
    public void MentalHealth_OfA12To17YearOld_InAnAuthorization_NeedsThePatientsOwnSignature_740ILCS110_5a()
    {
        var facts = Facts.ThirdPartyWithEveryConsent() with { PatientAge = 16, ContentsRecorded = true, MentalHealthPresent = true };

        Withheld(Decide(facts), SensitiveCategory.MentalHealth).Basis.ShouldStartWith("740 ILCS 110/5(a)");
        Decide(facts with { MinorSignedMentalHealthConsent = true }).Withheld.ShouldNotContain(w => w.Category == SensitiveCategory.MentalHealth);
    }

    // 45 CFR 164.502(g)(3): a parent is not the personal representative for care the minor consented to alone; each kind
    // of such care is withheld on its own (410 ILCS 210/4: STI and substance use care from 12; 42 CFR 2.14).
    [Theory]
    [InlineData(SensitiveCategory.SexuallyTransmittedInfection, "410 ILCS 210/4")]
    [InlineData(SensitiveCategory.SubstanceUseDisorder, "42 CFR 2.14")]
    [InlineData(SensitiveCategory.MinorConsentedServices, "410 ILCS 210/1")]
    public void MinorsOwnConsentCare_IsWithheldFromAParent_OneKindOfCareAtATime(SensitiveCategory category, string basis)
    {
        var facts = ParentOf(15) with
        {
            MentalHealthPresent = false,
            SexuallyTransmittedInfectionPresent = category == SensitiveCategory.SexuallyTransmittedInfection,
            SubstanceUseDisorderPresent = category == SensitiveCategory.SubstanceUseDisorder,
            MinorConsentedServicesPresent = category == SensitiveCategory.MinorConsentedServices,
        };

        var withheld = Decide(facts).Withheld.ShouldHaveSingleItem();

        withheld.Category.ShouldBe(category);
        withheld.Basis.ShouldContain(basis);
    }

    private static RequestFacts ProviderForTreatment() => Facts.ThirdParty(RequesterType.Provider) with
    {
        ForTreatment = true,
        Purpose = RequestPurpose.ContinuingCare,
        PurposeStated = true,
        ExpiryStated = false,
        ExpiresOn = null,
        RequiredStatementsPresent = false,
    };

    // 45 CFR 164.506(c)(2): a provider treating the patient needs no authorization for the general record; each sensitive
    // category keeps its own rule (rules/README.md lists each with its citation).
    [Fact]
    public void AProviderAskingForTreatment_NeedsNoAuthorizationElements_45CFR164_506c2()
    {
        var decision = Decide(ProviderForTreatment());

        decision.Missing.ShouldBeEmpty();
        decision.Kind.ShouldBe(ReleaseDecisionKind.ReleaseWithWithheld);
    }

    [Theory]
    [InlineData(SensitiveCategory.MentalHealth, true)]
    [InlineData(SensitiveCategory.Hiv, true)]
    [InlineData(SensitiveCategory.Genetic, true)]
    [InlineData(SensitiveCategory.SubstanceUseDisorder, true)]
    [InlineData(SensitiveCategory.PsychotherapyNotes, true)]
    [InlineData(SensitiveCategory.MinorConsentedServices, false)]
    [InlineData(SensitiveCategory.SexuallyTransmittedInfection, false)]
    public void AProviderAskingForTreatment_GetsEachSensitiveCategory_ByItsOwnRule(SensitiveCategory category, bool withheld)
    {
        var facts = ProviderForTreatment() with
        {
            PatientAge = 16,
            ContentsRecorded = true,
            PsychotherapyNotesRequested = category == SensitiveCategory.PsychotherapyNotes,
            MentalHealthPresent = category == SensitiveCategory.MentalHealth,
            PsychotherapyNotesPresent = category == SensitiveCategory.PsychotherapyNotes,
            HivPresent = category == SensitiveCategory.Hiv,
            GeneticPresent = category == SensitiveCategory.Genetic,
            SubstanceUseDisorderPresent = category == SensitiveCategory.SubstanceUseDisorder,
            MinorConsentedServicesPresent = category == SensitiveCategory.MinorConsentedServices,
            SexuallyTransmittedInfectionPresent = category == SensitiveCategory.SexuallyTransmittedInfection,
        };

        Decide(facts).Withheld.Any(w => w.Category == category).ShouldBe(withheld);
    }
}
