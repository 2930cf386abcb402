using BackOffice.Workflows.Requests;

namespace BackOffice.Rules;

/// <summary>Reads the facts the rules need from a request; it decides nothing itself.</summary>
public static class RequestFactsBuilder
{
    public static RequestFacts From(RecordsRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        var patient = request.Patient;
        var information = request.Information;
        var mentalHealth = Granted(request, SensitiveCategory.MentalHealth);
        var leftOut = request.LeftOut.ToHashSet();
        var present = request.CategoriesPresent.ToHashSet();
        var online = request.Channel == RequestChannel.Online;
        var psychotherapyNotesConsent = Granted(request, SensitiveCategory.PsychotherapyNotes) is not null;
        var namesPsychotherapyNotes = information.RecordTypes.Any(MeansPsychotherapyNotes);

        return new RequestFacts
        {
            Kind = request.Kind,
            RequesterType = request.Requester.Type,
            RequesterAuthority = request.Requester.Authority,
            RecipientType = request.Recipient.Type,
            Format = request.Format,
            Delivery = request.Delivery,
            Purpose = request.Purpose,
            PaperPages = request.Pages.Paper,
            ElectronicPages = request.Pages.Electronic,
            MicrofichePages = request.Pages.Microfiche,
            FilmPages = request.Pages.Film,
            Postage = request.Postage,
            // A deceased patient's age stops at death; the minors' rules must not apply to an adult's estate.
            PatientAge = patient.AgeOn(patient.IsDeceased && patient.DateOfDeath is { } died ? died : today),
            PatientDeceased = patient.IsDeceased,
            IncludesMedicalGroup = request.Locations.Contains(RecordsLocation.MedicalGroup),
            IncludesOtherFacility = request.Locations.Contains(RecordsLocation.OtherFacility),
            IncludesExcludedOrganisation = request.Locations.Contains(RecordsLocation.ExcludedOrganisation),
            OtherFacilityName = request.OtherFacilityName,
            InformationDescribed = information.IsSpecific,
            RecipientNamed = !string.IsNullOrWhiteSpace(request.Recipient.Name),
            PurposeStated = request.Purpose != RequestPurpose.Other || !string.IsNullOrWhiteSpace(request.PurposeDetail),
            ExpiryStated = request.ExpiresOn is not null || !string.IsNullOrWhiteSpace(request.ExpiryEvent),
            ExpiresOn = request.ExpiresOn,
            SignaturePresent = !string.IsNullOrWhiteSpace(request.Signature.SignerName),
            SignatureDated = request.Signature.SignedOn != default,
            AuthorityDescribed = !string.IsNullOrWhiteSpace(request.Requester.AuthorityDescription),
            RequiredStatementsPresent = request.RequiredStatementsPresent,
            SupportingDocumentProvided = request.Documents.Any(d => d.Kind == DocumentKind.Supporting),
            MentalHealthConsent = mentalHealth is not null,
            MentalHealthConsentWitnessed = mentalHealth is { IsWitnessed: true }
                && (!online || !string.IsNullOrWhiteSpace(mentalHealth.WitnessSignature)),
            MentalHealthWitnessDatedBeforeSigner = mentalHealth?.WitnessedOn is { } witnessed && request.Signature.SignedOn != default
                && witnessed < request.Signature.SignedOn,
            MentalHealthWitnessIsRecipient = PersonName.Same(mentalHealth?.WitnessName, request.Recipient.Name),
            MentalHealthLeftOut = leftOut.Contains(SensitiveCategory.MentalHealth),
            HivLeftOut = leftOut.Contains(SensitiveCategory.Hiv),
            GeneticLeftOut = leftOut.Contains(SensitiveCategory.Genetic),
            SubstanceUseDisorderLeftOut = leftOut.Contains(SensitiveCategory.SubstanceUseDisorder),
            MinorConsentedServicesLeftOut = leftOut.Contains(SensitiveCategory.MinorConsentedServices),
            ContentsRecorded = request.ContentsRecorded,
            MentalHealthPresent = present.Contains(SensitiveCategory.MentalHealth),
            PsychotherapyNotesPresent = present.Contains(SensitiveCategory.PsychotherapyNotes),
            HivPresent = present.Contains(SensitiveCategory.Hiv),
            GeneticPresent = present.Contains(SensitiveCategory.Genetic),
            SubstanceUseDisorderPresent = present.Contains(SensitiveCategory.SubstanceUseDisorder),
            MinorConsentedServicesPresent = present.Contains(SensitiveCategory.MinorConsentedServices),
            SexuallyTransmittedInfectionPresent = present.Contains(SensitiveCategory.SexuallyTransmittedInfection),
            DeceasedRelation = request.Deceased.Relation,
            HigherPriorityPersonExists = request.Deceased.HigherPriorityPersonExists,
            LettersOfOfficeProvided = request.Deceased.LettersOfOfficeProvided,
            PowerOfAttorneyContinuesAfterDeath = request.Deceased.PowerOfAttorneyContinuesAfterDeath,
            PatientObjectedInWriting = request.Deceased.PatientObjectedInWriting,
            MinorObjection = request.Minor.Objection,
            TherapistFinding = request.Minor.Finding,
            MinorSignedMentalHealthConsent = request.Minor.MinorSignedMentalHealthConsent,
            ForTreatment = request.Requester.Type == RequesterType.Provider && request.Recipient.Type == RequesterType.Provider
                && request.Purpose == RequestPurpose.ContinuingCare,
            PsychotherapyNotesConsent = psychotherapyNotesConsent,
            HivConsent = Granted(request, SensitiveCategory.Hiv) is not null,
            GeneticConsent = Granted(request, SensitiveCategory.Genetic) is not null,
            SubstanceUseDisorderConsent = Granted(request, SensitiveCategory.SubstanceUseDisorder) is not null,
            MinorConsentedServicesConsent = Granted(request, SensitiveCategory.MinorConsentedServices) is not null,
            PsychotherapyNotesRequested = namesPsychotherapyNotes || psychotherapyNotesConsent,
            OnlyPsychotherapyNotesRequested = namesPsychotherapyNotes && !information.AllRecords
                && string.IsNullOrWhiteSpace(information.Description) && information.RecordTypes.All(MeansPsychotherapyNotes),
            ReceivedOn = request.ReceivedOn,
            Today = today,
        };
    }

    private static SensitiveConsent? Granted(RecordsRequest request, SensitiveCategory category) =>
        request.ConsentFor(category) is { Granted: true } consent ? consent : null;

    // Record types are free text from the form ("Psychotherapy notes", "PsychotherapyNotes", ...).
    private static bool MeansPsychotherapyNotes(string recordType) =>
        recordType.Contains("psychotherapy", StringComparison.OrdinalIgnoreCase);
}
