namespace BackOffice.Workflows.Requests;

/// <summary>
/// Everything an intake (online form or keyed-in paper form) collects before a request exists.
/// Validation here is the minimum to identify the patient and reach the requester; missing
/// authorization elements are not refused here, because the law wants such a request held and the
/// requester told exactly what is missing (the release rules do that).
/// </summary>
public sealed record RecordsRequestDraft
{
    public RequestChannel Channel { get; init; }
    public RequestKind Kind { get; init; }
    public PatientDetails Patient { get; init; } = new();
    public RequesterDetails Requester { get; init; } = new();
    public RecipientDetails Recipient { get; init; } = new();
    public IReadOnlyList<RecordsLocation> Locations { get; init; } = [RecordsLocation.MedicalGroup];
    public string? OtherFacilityName { get; init; }
    public RequestedInformation Information { get; init; } = new();
    public IReadOnlyList<SensitiveConsent> Consents { get; init; } = [];
    public DeliveryMethod Delivery { get; init; }
    public RecordFormat Format { get; init; }
    public bool UnencryptedEmailRiskAccepted { get; init; }
    /// <summary>For a patient who has died: the signer's standing (735 ILCS 5/8-2001.5).</summary>
    public DeceasedPatientStanding Deceased { get; init; } = new();
    /// <summary>For a patient aged 12 to 17: the minor's answer and the therapist's finding, as far as the form gives them.</summary>
    public MinorReview Minor { get; init; } = new();
    /// <summary>The passphrase the requester chose for the encrypted file, already protected by the host (never in clear).</summary>
    public string? ProtectedEmailPassphrase { get; init; }
    public RequestPurpose Purpose { get; init; }
    public string? PurposeDetail { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public string? ExpiryEvent { get; init; }
    public bool RequiredStatementsPresent { get; init; }
    public SignatureDetails Signature { get; init; } = new();
    /// <summary>Files uploaded with the request (photo ID, the signed form); attached in the same transaction.</summary>
    public IReadOnlyList<DraftDocument> Documents { get; init; } = [];
    /// <summary>The filled-in form's own id (the wizard's or the intake page's): stored with a unique index, so the same
    /// form sent twice, from any node, at any time, makes one request.</summary>
    public Guid? SubmissionKey { get; init; }
    /// <summary>The requester API: a hash of what was sent under <see cref="SubmissionKey"/>, so the same key sent again with
    /// something else is told so instead of answered with the first request.</summary>
    public string? SubmissionFingerprint { get; init; }
    /// <summary>The registered requester organisation that sent the request through the API; null for every other channel.</summary>
    public Guid? RequesterOrganisationId { get; init; }
    /// <summary>The language the requester reads ("en" or "es", see <see cref="RequesterLanguage"/>): the online form sets
    /// the language its pages were shown in; every later message and letter is written in it. Anything else is English.</summary>
    public string Language { get; init; } = RequesterLanguage.English;

    public IReadOnlyList<FieldError> Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        void Require(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new FieldError(field, message));
            }
        }

        Require(!string.IsNullOrWhiteSpace(Patient.FirstName), "Patient.FirstName", "Enter the patient's first name.");
        Require(!string.IsNullOrWhiteSpace(Patient.LastName), "Patient.LastName", "Enter the patient's last name.");
        Require(Patient.DateOfBirth != default && Patient.DateOfBirth <= today && Patient.DateOfBirth >= today.AddYears(-130),
            "Patient.DateOfBirth", "Enter the patient's date of birth; it cannot be in the future.");
        Require(!Patient.IsDeceased || Patient.DateOfDeath is null || Patient.DateOfDeath >= Patient.DateOfBirth,
            "Patient.DateOfDeath", "The date of death cannot be before the date of birth.");
        Require(!string.IsNullOrWhiteSpace(Requester.Name), "Requester.Name", "Enter the name of the person asking.");
        Require(Requester.Type != RequesterType.PersonalRepresentative || Requester.Authority != RepresentativeAuthority.None,
            "Requester.Authority", "Say what authority the personal representative acts under.");
        Require(!string.IsNullOrWhiteSpace(Recipient.Name), "Recipient.Name", "Enter who should receive the records.");
        Require(Locations.Count > 0, "Locations", "Choose whose records are requested.");
        Require(!Locations.Contains(RecordsLocation.OtherFacility) || !string.IsNullOrWhiteSpace(OtherFacilityName),
            "OtherFacilityName", "Name the other facility.");
        Require(Information.From is null || Information.To is null || Information.From <= Information.To,
            "Information.From", "The start of the date range must be on or before its end.");
        Require(Information.NeededBy is null || Information.NeededBy >= today, "Information.NeededBy",
            "The date the records are needed by cannot be in the past.");
        Require(Delivery == DeliveryMethod.Pickup || string.IsNullOrWhiteSpace(Recipient.PickupBy), "Recipient.PickupBy",
            "A person to pick up the copies is named only when they are picked up.");
        Require(Delivery != DeliveryMethod.Mail || Recipient.Address.IsComplete,
            "Recipient.Address", "Mailing needs a complete address (street, city, state, ZIP code).");
        Require(Delivery != DeliveryMethod.UnencryptedEmail || Kind == RequestKind.Access, "Delivery",
            "Unencrypted e-mail is only for a patient's own records; choose secure e-mail, the portal, mail or pickup.");
        Require(Delivery != DeliveryMethod.UnencryptedEmail || UnencryptedEmailRiskAccepted, "UnencryptedEmailRiskAccepted",
            "Unencrypted e-mail needs the patient's acceptance of its risk.");
        Require(Delivery is not (DeliveryMethod.SecureEmail or DeliveryMethod.UnencryptedEmail or DeliveryMethod.Portal) || IsEmail(Recipient.Email),
            "Recipient.Email", "Electronic delivery needs the recipient's e-mail address.");
        Require(Consents.Select(c => c.Category).Distinct().Count() == Consents.Count,
            "Consents", "Each sensitive category can be consented to once.");
        Require(!string.IsNullOrWhiteSpace(Signature.SignerName), "Signature.SignerName", "Enter the name of the person signing.");
        Require(Signature.SignedOn != default && Signature.SignedOn <= today, "Signature.SignedOn",
            "Enter the date of signature; it cannot be in the future.");
        Require(ExpiresOn is null || ExpiresOn >= Signature.SignedOn, "ExpiresOn", "The expiry date cannot be before the signature date.");
        Require(Channel != RequestChannel.Online || !string.IsNullOrWhiteSpace(Signature.ElectronicSignature),
            "Signature.ElectronicSignature", "Type your full name to sign electronically.");
        return errors;
    }

    public void EnsureValid(DateOnly today)
    {
        var errors = Validate(today);
        if (errors.Count > 0)
        {
            throw new InvalidDraftException(errors);
        }
    }

    private static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && System.Net.Mail.MailAddress.TryCreate(value.Trim(), out _);
}
