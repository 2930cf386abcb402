using BackOffice.Rules.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Rules.Tests;

public class RequestFactsBuilderTests
{
    [Fact]
    public void Facts_CarryWhoWhatAndHow_FromTheRequest()
    {
        var request = Requests.Create(Requests.AttorneyDraft() with
        {
            Format = RecordFormat.Electronic,
            Locations = [RecordsLocation.MedicalGroup, RecordsLocation.OtherFacility],
            OtherFacilityName = "Riverside Clinic",
        });
        request.RecordPages(new PageCounts { Paper = 3, Electronic = 40, Microfiche = 2, Film = 1 }, 4.10m);

        var facts = RequestFactsBuilder.From(request, Requests.Received.AddDays(5));

        facts.ShouldSatisfyAllConditions(
            f => f.Kind.ShouldBe(RequestKind.Authorization),
            f => f.RequesterType.ShouldBe(RequesterType.Attorney),
            f => f.RecipientType.ShouldBe(RequesterType.Attorney),
            f => f.Format.ShouldBe(RecordFormat.Electronic),
            f => (f.PaperPages, f.ElectronicPages, f.MicrofichePages, f.FilmPages).ShouldBe((3, 40, 2, 1)),
            f => f.Postage.ShouldBe(4.10m),
            f => f.PatientAge.ShouldBe(43),
            f => f.IncludesMedicalGroup.ShouldBeTrue(),
            f => f.IncludesOtherFacility.ShouldBeTrue(),
            f => f.IncludesExcludedOrganisation.ShouldBeFalse(),
            f => f.OtherFacilityName.ShouldBe("Riverside Clinic"),
            f => f.ReceivedOn.ShouldBe(Requests.Received),
            f => f.Today.ShouldBe(Requests.Received.AddDays(5)));
    }

    [Fact]
    public void Facts_CarryWhatTheRecordsContain_WhatThePatientLeftOut_TheWitness_TheDeceasedAndMinorAnswers()
    {
        var request = Requests.Create(Requests.AttorneyDraft() with
        {
            Consents = [new SensitiveConsent { Category = SensitiveCategory.MentalHealth, Granted = true, WitnessName = "Blake Reyes", WitnessedOn = Requests.Received.AddDays(-9) }],
            Deceased = new DeceasedPatientStanding { Relation = DeceasedRelation.Parent, HigherPriorityPersonExists = false, PowerOfAttorneyContinuesAfterDeath = true },
            Minor = new MinorReview { Objection = MinorObjection.Objects, Finding = TherapistFinding.Detrimental, MinorSignedMentalHealthConsent = true },
        });
        request.RecordContents([SensitiveCategory.Hiv, SensitiveCategory.SexuallyTransmittedInfection]);

        var facts = RequestFactsBuilder.From(request, Requests.Received);

        facts.ShouldSatisfyAllConditions(
            f => f.ContentsRecorded.ShouldBeTrue(),
            f => (f.HivPresent, f.SexuallyTransmittedInfectionPresent, f.MentalHealthPresent).ShouldBe((true, true, false)),
            f => f.MentalHealthConsent.ShouldBeTrue(),
            f => f.MentalHealthWitnessDatedBeforeSigner.ShouldBe(Requests.Received.AddDays(-9) < request.Signature.SignedOn),
            f => f.MentalHealthWitnessIsRecipient.ShouldBe(PersonName.Same("Blake Reyes", request.Recipient.Name)),
            f => f.DeceasedRelation.ShouldBe(DeceasedRelation.Parent),
            f => f.HigherPriorityPersonExists.ShouldBe(false),
            f => f.PowerOfAttorneyContinuesAfterDeath.ShouldBe(true),
            f => (f.MinorObjection, f.TherapistFinding, f.MinorSignedMentalHealthConsent).ShouldBe((MinorObjection.Objects, TherapistFinding.Detrimental, true)),
            f => f.ForTreatment.ShouldBeFalse());
    }

    [Fact]
    public void Facts_SayWhatThePatientLeftOut_OfTheirOwnAccessOnly()
    {
        var leftOut = new SensitiveConsent { Category = SensitiveCategory.Genetic, Granted = false };

        RequestFactsBuilder.From(Requests.Create(Requests.PatientDraft() with { Consents = [leftOut] }), Requests.Received).GeneticLeftOut.ShouldBeTrue();
        RequestFactsBuilder.From(Requests.Create(Requests.AttorneyDraft() with { Consents = [leftOut] }), Requests.Received).GeneticLeftOut.ShouldBeFalse();
    }

    [Fact]
    public void Facts_MarkAProviderAskingForContinuingCare_AsForTreatment()
    {
        var provider = Requests.AttorneyDraft() with
        {
            Requester = Requests.AttorneyDraft().Requester with { Type = RequesterType.Provider },
            Recipient = Requests.AttorneyDraft().Recipient with { Type = RequesterType.Provider },
            Purpose = RequestPurpose.ContinuingCare,
        };

        RequestFactsBuilder.From(Requests.Create(provider), Requests.Received).ForTreatment.ShouldBeTrue();
        RequestFactsBuilder.From(Requests.Create(provider with { Purpose = RequestPurpose.Legal }), Requests.Received).ForTreatment.ShouldBeFalse();
    }

    [Fact]
    public void Facts_ReportWhichAuthorizationElementsArePresent()
    {
        var complete = RequestFactsBuilder.From(Requests.Create(Requests.AttorneyDraft()), Requests.Received);
        var bare = RequestFactsBuilder.From(Requests.Create(Requests.AttorneyDraft() with
        {
            Purpose = RequestPurpose.Other,
            ExpiresOn = null,
            RequiredStatementsPresent = false,
            Information = new RequestedInformation(),
        }), Requests.Received);

        (complete.PurposeStated, complete.ExpiryStated, complete.RequiredStatementsPresent, complete.InformationDescribed)
            .ShouldBe((true, true, true, true));
        (bare.PurposeStated, bare.ExpiryStated, bare.RequiredStatementsPresent, bare.InformationDescribed)
            .ShouldBe((false, false, false, false));
        complete.SignaturePresent.ShouldBeTrue();
        complete.SignatureDated.ShouldBeTrue();
        complete.ExpiresOn.ShouldBe(Requests.Received.AddYears(1));
    }

    [Fact]
    public void Facts_CountAnExpiryEventAndAnExplainedOtherPurpose()
    {
        var facts = RequestFactsBuilder.From(Requests.Create(Requests.AttorneyDraft() with
        {
            ExpiresOn = null,
            ExpiryEvent = "end of the litigation",
            Purpose = RequestPurpose.Other,
            PurposeDetail = "second opinion",
        }), Requests.Received);

        facts.ExpiryStated.ShouldBeTrue();
        facts.ExpiresOn.ShouldBeNull();
        facts.PurposeStated.ShouldBeTrue();
    }

    [Fact]
    public void Facts_CountOnlyGrantedConsents_AndTheMentalHealthWitness()
    {
        var facts = RequestFactsBuilder.From(Requests.Create(Requests.AttorneyDraft() with
        {
            Consents =
            [
                new SensitiveConsent { Category = SensitiveCategory.MentalHealth, Granted = true, WitnessName = "Wendy Witness", WitnessedOn = Requests.Received },
                new SensitiveConsent { Category = SensitiveCategory.Hiv, Granted = false },
                new SensitiveConsent { Category = SensitiveCategory.SubstanceUseDisorder, Granted = true },
            ],
        }), Requests.Received);

        facts.MentalHealthConsent.ShouldBeTrue();
        facts.MentalHealthConsentWitnessed.ShouldBeTrue();
        facts.HivConsent.ShouldBeFalse();
        facts.SubstanceUseDisorderConsent.ShouldBeTrue();
        facts.GeneticConsent.ShouldBeFalse();
    }

    [Theory]
    [InlineData(new[] { "Psychotherapy notes" }, false, true, true)]
    [InlineData(new[] { "Psychotherapy notes", "Lab results" }, false, true, false)]
    [InlineData(new[] { "psychotherapynotes" }, true, true, false)]
    [InlineData(new[] { "Lab results" }, false, false, false)]
    public void Facts_NoticePsychotherapyNotes_OnlyWhenAskedForByName(string[] recordTypes, bool allRecords, bool requested, bool only)
    {
        var facts = RequestFactsBuilder.From(Requests.Create(Requests.PatientDraft() with
        {
            Information = new RequestedInformation { AllRecords = allRecords, RecordTypes = [.. recordTypes] },
        }), Requests.Received);

        facts.PsychotherapyNotesRequested.ShouldBe(requested);
        facts.OnlyPsychotherapyNotesRequested.ShouldBe(only);
    }

    [Fact]
    public void Facts_ForADeceasedPatient_KeepTheAgeAtDeathAndTheRepresentativesAuthority()
    {
        var request = Requests.Create(Requests.PatientDraft() with
        {
            Patient = new PatientDetails
            {
                FirstName = "Ada",
                LastName = "Lovelace",
                DateOfBirth = new DateOnly(2010, 5, 1),
                IsDeceased = true,
                DateOfDeath = new DateOnly(2024, 1, 10),
            },
            Requester = new RequesterDetails
            {
                Type = RequesterType.PersonalRepresentative,
                Name = "Byron Lovelace",
                Authority = RepresentativeAuthority.AuthorizedRelative,
                AuthorityDescription = "Son; Authorized Relative Certification attached",
            },
        });
        request.AddDocument(DocumentKind.Supporting, "certification.pdf", "application/pdf", 1000, "key", "hash", DateTimeOffset.UnixEpoch);

        var facts = RequestFactsBuilder.From(request, new DateOnly(2030, 1, 1));

        facts.PatientDeceased.ShouldBeTrue();
        facts.PatientAge.ShouldBe(13);
        facts.RequesterAuthority.ShouldBe(RepresentativeAuthority.AuthorizedRelative);
        facts.AuthorityDescribed.ShouldBeTrue();
        facts.SupportingDocumentProvided.ShouldBeTrue();
    }
}
