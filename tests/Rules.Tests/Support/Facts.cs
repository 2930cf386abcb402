using BackOffice.Workflows.Requests;

namespace BackOffice.Rules.Tests.Support;

/// <summary>Complete requests as the rules see them; each test changes only what it is about.</summary>
public static class Facts
{
    public static readonly DateOnly Received2024 = new(2024, 3, 1);

    /// <summary>An adult patient asking for their own records, signed and dated: nothing else is needed.</summary>
    public static RequestFacts PatientAccess(DateOnly? received = null) => new()
    {
        Kind = RequestKind.Access,
        RequesterType = RequesterType.Patient,
        RecipientType = RequesterType.Patient,
        Format = RecordFormat.Paper,
        Delivery = DeliveryMethod.Mail,
        Purpose = RequestPurpose.AtRequestOfIndividual,
        PatientAge = 40,
        InformationDescribed = true,
        RecipientNamed = true,
        SignaturePresent = true,
        SignatureDated = true,
        ReceivedOn = received ?? Received2024,
        Today = received ?? Received2024,
    };

    /// <summary>A third party with an authorization that has every 45 CFR 164.508(c) element and no special consents.</summary>
    public static RequestFacts ThirdParty(RequesterType requester = RequesterType.Attorney, DateOnly? received = null) => new()
    {
        Kind = RequestKind.Authorization,
        RequesterType = requester,
        RecipientType = requester,
        Format = RecordFormat.Paper,
        Delivery = DeliveryMethod.Mail,
        Purpose = RequestPurpose.Legal,
        PatientAge = 40,
        InformationDescribed = true,
        RecipientNamed = true,
        PurposeStated = true,
        ExpiryStated = true,
        ExpiresOn = (received ?? Received2024).AddYears(1),
        SignaturePresent = true,
        SignatureDated = true,
        RequiredStatementsPresent = true,
        ReceivedOn = received ?? Received2024,
        Today = received ?? Received2024,
    };

    /// <summary>A third-party authorization that also specifically consents to every sensitive category.</summary>
    public static RequestFacts ThirdPartyWithEveryConsent() => ThirdParty() with
    {
        MentalHealthConsent = true,
        MentalHealthConsentWitnessed = true,
        PsychotherapyNotesConsent = true,
        HivConsent = true,
        GeneticConsent = true,
        SubstanceUseDisorderConsent = true,
        MinorConsentedServicesConsent = true,
    };
}
