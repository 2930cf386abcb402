using BackOffice.Rules.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Rules.Tests;

/// <summary>Access and authorizations: release, hold for the missing 45 CFR 164.508(c) elements, redirect, deny.</summary>
public class ReleaseDecisionTests
{
    private static ReleaseDecision Decide(RequestFacts facts)
    {
        var evaluation = ShippedRules.RuleSet.EvaluateRelease(facts);
        evaluation.Errors.ShouldBeEmpty();
        return evaluation.Decision;
    }

    [Fact]
    public void Release_IsGranted_ForAPatientsSignedAccessRequest()
    {
        var decision = Decide(Facts.PatientAccess());

        decision.Kind.ShouldBe(ReleaseDecisionKind.Release);
        decision.Missing.ShouldBeEmpty();
        decision.Withheld.ShouldBeEmpty();
    }

    [Fact]
    public void Release_NeedsNoPurposeExpiryStatementsOrWitness_ForAPatientsOwnAccess()
    {
        var bare = Facts.PatientAccess() with
        {
            Purpose = RequestPurpose.Other,
            PurposeStated = false,
            ExpiryStated = false,
            ExpiresOn = null,
            RequiredStatementsPresent = false,
            InformationDescribed = false,
        };

        Decide(bare).Kind.ShouldBe(ReleaseDecisionKind.Release);
    }

    [Fact]
    public void Release_IsGranted_ForACompleteAuthorizationWithEveryConsent()
    {
        var decision = Decide(Facts.ThirdPartyWithEveryConsent());

        decision.Kind.ShouldBe(ReleaseDecisionKind.Release);
        decision.Notes.ShouldHaveSingleItem().ShouldContain("Part 2 re-disclosure notice");
    }

    public static TheoryData<string, Func<RequestFacts, RequestFacts>, string> MissingElements() => new()
    {
        { "description of the information", f => f with { InformationDescribed = false }, "45 CFR 164.508(c)(1)(i)" },
        { "to receive the records", f => f with { RecipientNamed = false }, "45 CFR 164.508(c)(1)(iii)" },
        { "purpose of the disclosure", f => f with { Purpose = RequestPurpose.Other, PurposeStated = false }, "45 CFR 164.508(c)(1)(iv)" },
        { "expiration date or expiration event", f => f with { ExpiryStated = false, ExpiresOn = null }, "45 CFR 164.508(c)(1)(v)" },
        { "has expired", f => f with { ExpiresOn = f.Today.AddDays(-1) }, "45 CFR 164.508(b)(2)(i)" },
        { "signature of the patient", f => f with { SignaturePresent = false }, "45 CFR 164.508(c)(1)(vi)" },
        { "date of the signature", f => f with { SignatureDated = false }, "45 CFR 164.508(c)(1)(vi)" },
        { "signer's authority", f => f with { RequesterAuthority = RepresentativeAuthority.Guardian, AuthorityDescribed = false }, "164.502(g)" },
        { "right to revoke", f => f with { RequiredStatementsPresent = false }, "45 CFR 164.508(c)(2)" },
    };

    [Theory]
    [MemberData(nameof(MissingElements))]
    public void Release_IsHeldNamingTheMissingElement_ForAnIncompleteAuthorization(string element, Func<RequestFacts, RequestFacts> remove, string basis)
    {
        var decision = Decide(remove(Facts.ThirdParty()));

        decision.Kind.ShouldBe(ReleaseDecisionKind.HoldForInformation);
        var missing = decision.Missing.ShouldHaveSingleItem();
        missing.Element.ShouldContain(element);
        missing.Basis.ShouldContain(basis);
        decision.Summary.ShouldContain(missing.Element);
    }

    [Fact]
    public void Release_IsHeldNamingEveryMissingElement_WhenSeveralAreMissing()
    {
        var decision = Decide(Facts.ThirdParty() with { ExpiryStated = false, ExpiresOn = null, RequiredStatementsPresent = false, SignatureDated = false });

        decision.Kind.ShouldBe(ReleaseDecisionKind.HoldForInformation);
        decision.Missing.Count.ShouldBe(3);
    }

    [Fact]
    public void Release_IsNotHeld_OnTheLastDayOfTheAuthorization()
    {
        Decide(Facts.ThirdPartyWithEveryConsent() with { ExpiresOn = Facts.Received2024 }).Kind.ShouldBe(ReleaseDecisionKind.Release);
    }

    [Fact]
    public void Release_IsHeld_WhenAPatientsAccessRequestIsUnsigned()
    {
        Decide(Facts.PatientAccess() with { SignaturePresent = false }).Missing.ShouldHaveSingleItem().Element.ShouldContain("signature");
    }

    [Fact]
    public void Release_IsRedirectedToEdwardElmhurst_ForItsRecordsOnly()
    {
        var decision = Decide(Facts.PatientAccess() with { IncludesMedicalGroup = false, IncludesExcludedOrganisation = true });

        decision.Kind.ShouldBe(ReleaseDecisionKind.Redirect);
        decision.RedirectTo.ShouldNotBeNull().ShouldContain("Edward-Elmhurst Healthcare");
    }

    [Fact]
    public void Release_IsRedirectedToTheNamedFacility_ForAnotherFacilitysRecordsOnly()
    {
        var decision = Decide(Facts.PatientAccess() with
        {
            IncludesMedicalGroup = false,
            IncludesOtherFacility = true,
            OtherFacilityName = "Riverside Clinic",
        });

        decision.Kind.ShouldBe(ReleaseDecisionKind.Redirect);
        decision.RedirectTo.ShouldBe("Riverside Clinic: ask that provider directly for the records it made");
    }

    [Fact]
    public void Release_GoesAheadWithANote_WhenOtherOrganisationsAreAskedForAlongsideOurs()
    {
        var decision = Decide(Facts.PatientAccess() with { IncludesExcludedOrganisation = true, IncludesOtherFacility = true, OtherFacilityName = "Riverside Clinic" });

        decision.Kind.ShouldBe(ReleaseDecisionKind.Release);
        decision.Notes.Count.ShouldBe(2);
        decision.Summary.ShouldContain("Edward-Elmhurst Healthcare");
    }

    [Fact]
    public void Redirect_Outranks_AHold()
    {
        var decision = Decide(Facts.ThirdParty() with { IncludesMedicalGroup = false, IncludesExcludedOrganisation = true, SignatureDated = false });

        decision.Kind.ShouldBe(ReleaseDecisionKind.Redirect);
    }

    [Fact]
    public void Release_IsDeniedWithoutReview_WhenAPatientAsksOnlyForPsychotherapyNotes()
    {
        var decision = Decide(Facts.PatientAccess() with { PsychotherapyNotesRequested = true, OnlyPsychotherapyNotesRequested = true });

        decision.Kind.ShouldBe(ReleaseDecisionKind.Deny);
        var denial = decision.Denial.ShouldNotBeNull();
        denial.Reviewable.ShouldBeFalse();
        denial.Basis.ShouldContain("45 CFR 164.524(a)(1)(i)");
        decision.Summary.ShouldContain("not reviewable");
    }

    [Fact]
    public void Evaluation_ReportsEveryRulesOutcome()
    {
        var evaluation = ShippedRules.RuleSet.EvaluateRelease(Facts.ThirdParty() with { SignatureDated = false });

        var rulesInFile = System.Text.Json.Nodes.JsonNode.Parse(ShippedRules.Text(RuleSet.ReleaseDocument))!["Rules"]!.AsArray().Count;
        evaluation.Outcomes.Count.ShouldBe(rulesInFile);
        evaluation.Outcomes.ShouldAllBe(o => o.Workflow == "release");
        evaluation.Outcomes.Single(o => o.Rule == "HoldSignatureNotDated").ShouldSatisfyAllConditions(
            o => o.Success.ShouldBeTrue(),
            o => o.Message.ShouldBe("Missing: The date of the signature"));
        evaluation.Outcomes.Single(o => o.Rule == "HoldNotSigned").Success.ShouldBeFalse();
    }
}
