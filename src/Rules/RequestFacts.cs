using BackOffice.Workflows.Requests;

namespace BackOffice.Rules;

/// <summary>
/// Everything the fee and release rules may read about a request, flattened to plain values so rule
/// expressions need no custom types (every type a rule can call is a way in for expression injection).
/// Rule files name it <c>facts</c>; enum members are compared with their names, e.g.
/// <c>facts.Kind == "Access"</c>.
/// </summary>
public sealed record RequestFacts
{
    public RequestKind Kind { get; init; }
    public RequesterType RequesterType { get; init; }

    /// <summary>The authority of the person who signed for the patient; <c>None</c> when the patient signed.</summary>
    public RepresentativeAuthority RequesterAuthority { get; init; }

    public RequesterType RecipientType { get; init; }
    public RecordFormat Format { get; init; }
    public DeliveryMethod Delivery { get; init; }
    public RequestPurpose Purpose { get; init; }

    public int PaperPages { get; init; }
    public int ElectronicPages { get; init; }
    public int MicrofichePages { get; init; }

    /// <summary>X-ray film and pictures are charged at reasonable cost, which staff price by hand.</summary>
    public int FilmPages { get; init; }

    public decimal Postage { get; init; }

    public int PatientAge { get; init; }
    public bool PatientDeceased { get; init; }

    public bool IncludesMedicalGroup { get; init; } = true;
    public bool IncludesOtherFacility { get; init; }
    public bool IncludesExcludedOrganisation { get; init; }
    public string? OtherFacilityName { get; init; }

    // The elements of a valid authorization (45 CFR 164.508(c)) found on the signed request.
    public bool InformationDescribed { get; init; }
    public bool RecipientNamed { get; init; }
    public bool PurposeStated { get; init; }
    public bool ExpiryStated { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public bool SignaturePresent { get; init; }
    public bool SignatureDated { get; init; }
    public bool AuthorityDescribed { get; init; }
    public bool RequiredStatementsPresent { get; init; }

    /// <summary>A supporting document (for example an Authorized Relative Certification) is on file.</summary>
    public bool SupportingDocumentProvided { get; init; }

    // A patient who has died (735 ILCS 5/8-2001.5): the signer's standing as the form gives it.
    /// <summary>For an authorized relative: SurvivingSpouse, AdultChild, Parent, AdultSibling (or None).</summary>
    public DeceasedRelation DeceasedRelation { get; init; }
    /// <summary>Someone earlier in the statute's order exists; null when the form does not say.</summary>
    public bool? HigherPriorityPersonExists { get; init; }
    public bool LettersOfOfficeProvided { get; init; }
    /// <summary>The agent's health-care power of attorney continues after death; null when not said.</summary>
    public bool? PowerOfAttorneyContinuesAfterDeath { get; init; }
    public bool PatientObjectedInWriting { get; init; }

    // A patient aged 12 to 17 (740 ILCS 110/4(a)(3)): the minor's answer and the therapist's finding.
    public MinorObjection MinorObjection { get; init; }
    public TherapistFinding TherapistFinding { get; init; }
    public bool MinorSignedMentalHealthConsent { get; init; }

    /// <summary>
    /// A provider asking for the records to treat the patient (45 CFR 164.506(c)(2)): the records go to a provider, for
    /// continuing care. No patient authorization is needed for the general record.
    /// </summary>
    public bool ForTreatment { get; init; }

    // Specific consents granted on an authorization, one per sensitive category.
    public bool MentalHealthConsent { get; init; }

    /// <summary>The mental-health consent names a witness and the date they signed (online, the witness typed their name to sign).</summary>
    public bool MentalHealthConsentWitnessed { get; init; }

    /// <summary>The witness's date is before the signer's: a witness attests a signature they saw (740 ILCS 110/5(b)).</summary>
    public bool MentalHealthWitnessDatedBeforeSigner { get; init; }

    /// <summary>The witness is the recipient of the records, who cannot attest their own authorization.</summary>
    public bool MentalHealthWitnessIsRecipient { get; init; }
    public bool PsychotherapyNotesConsent { get; init; }
    public bool HivConsent { get; init; }
    public bool GeneticConsent { get; init; }
    public bool SubstanceUseDisorderConsent { get; init; }
    public bool MinorConsentedServicesConsent { get; init; }

    // Categories the patient chose to leave out of their own access request (45 CFR 164.524(a)(1): all or part).
    public bool MentalHealthLeftOut { get; init; }
    public bool HivLeftOut { get; init; }
    public bool GeneticLeftOut { get; init; }
    public bool SubstanceUseDisorderLeftOut { get; init; }
    public bool MinorConsentedServicesLeftOut { get; init; }

    /// <summary>
    /// The clerk compiling the records recorded which sensitive categories they contain. Until then a category can only be
    /// "withheld if present"; afterwards only categories that are present are withheld.
    /// </summary>
    public bool ContentsRecorded { get; init; }

    // What the compiled records contain (meaningful once ContentsRecorded).
    public bool MentalHealthPresent { get; init; }
    public bool PsychotherapyNotesPresent { get; init; }
    public bool HivPresent { get; init; }
    public bool GeneticPresent { get; init; }
    public bool SubstanceUseDisorderPresent { get; init; }
    public bool MinorConsentedServicesPresent { get; init; }
    public bool SexuallyTransmittedInfectionPresent { get; init; }

    /// <summary>Psychotherapy notes are kept apart from the record, so they count only when asked for by name.</summary>
    public bool PsychotherapyNotesRequested { get; init; }
    public bool OnlyPsychotherapyNotesRequested { get; init; }

    /// <summary>The fee schedule in force on this date applies.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>The day of evaluation: an authorization must still be in force when records go out.</summary>
    public DateOnly Today { get; init; }

    /// <summary>Whether the compiled records contain <paramref name="category"/>; true until the contents are recorded.</summary>
    internal bool MayContain(SensitiveCategory category) => !ContentsRecorded || category switch
    {
        SensitiveCategory.MentalHealth => MentalHealthPresent,
        SensitiveCategory.PsychotherapyNotes => PsychotherapyNotesPresent,
        SensitiveCategory.Hiv => HivPresent,
        SensitiveCategory.Genetic => GeneticPresent,
        SensitiveCategory.SubstanceUseDisorder => SubstanceUseDisorderPresent,
        SensitiveCategory.MinorConsentedServices => MinorConsentedServicesPresent,
        _ => SexuallyTransmittedInfectionPresent,
    };
}
