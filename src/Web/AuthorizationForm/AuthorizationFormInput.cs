using System.ComponentModel.DataAnnotations;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// The "Authorization for Release of Health Information" form as filled in, one model for every way it arrives: the
/// online wizard (a section per step), staff intake of a paper form (all on one page) and the requester API. Answers
/// are kept as typed (dates stay text) until <see cref="ToDraft"/> reads them. The property paths are the form field
/// names ("Patient.FirstName"), which are also the names <see cref="RecordsRequestDraft.Validate"/> gives its errors,
/// so every error lands next to its field. Checks: <see cref="AuthorizationFormChecks"/>.
/// </summary>
public sealed class AuthorizationFormInput
{
    /// <summary>
    /// Access (the patient's own records, 45 CFR 164.524) or an authorization to release to someone else (164.508). The
    /// paper form and the API say which; online it follows from who is asking (<see cref="KindFor"/>).
    /// </summary>
    public RequestKind? Kind { get; set; }

    // Section 1: who is asking, the patient; who receives the copies
    public RequesterInput Requester { get; set; } = new();
    public RecipientChoice? Receives { get; set; }
    public PatientInput Patient { get; set; } = new();
    /// <summary>For a patient who has died: the signer's standing (735 ILCS 5/8-2001.5).</summary>
    public DeceasedInput Deceased { get; set; } = new();
    /// <summary>For a patient aged 12 to 17: the patient's own signature (740 ILCS 110/4(a)(3), 110/5(a)).</summary>
    public MinorInput Minor { get; set; } = new();

    // Section 2: release from / to
    public List<RecordsLocation> Locations { get; set; } = [];
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? OtherFacilityName { get; set; }
    public RecipientInput Recipient { get; set; } = new();

    // Section 3: information and sensitive categories
    public InformationInput Information { get; set; } = new();
    public ConsentsInput Consents { get; set; } = new();

    // Section 4: delivery and format
    public DeliveryMethod? Delivery { get; set; }
    public RecordFormat? Format { get; set; }
    public bool UnencryptedEmailRiskAccepted { get; set; }
    /// <summary>For pickup: who will collect the copies (kept apart from the recipient, whom another step edits).</summary>
    [StringLength(120, ErrorMessage = "Use at most {1} characters.")] public string? PickupBy { get; set; }
    /// <summary>
    /// Online, secure e-mail: the passphrase that opens the encrypted file, chosen now (the online form keeps it in its
    /// protected cookie; the request keeps it protected until the records are sent). Never shown again.
    /// </summary>
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? EmailPassphrase { get; set; }
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? EmailPassphraseConfirm { get; set; }

    // Section 5: purpose and expiry
    public RequestPurpose? Purpose { get; set; }
    [StringLength(300, ErrorMessage = "Use at most {1} characters.")] public string? PurposeDetail { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 12/31/2027.")] public string? ExpiresOn { get; set; }
    [StringLength(300, ErrorMessage = "Use at most {1} characters.")] public string? ExpiryEvent { get; set; }
    /// <summary>A paper form includes the statements 45 CFR 164.508(c)(2) requires (the online form always prints them).</summary>
    public bool RequiredStatementsPresent { get; set; }

    // Section 6: signature, and the files that come with the form
    public SignatureInput Signature { get; set; } = new();
    /// <summary>Files already stored for this form (photo ID, the scan). Never bound from a post: a browser cannot name a stored file.</summary>
    [BindNever] public List<DraftDocument> Documents { get; set; } = [];

    /// <summary>
    /// Every field in the paper form's order, for the error summary (a page lists its errors in this order; the fields
    /// it does not have are simply absent).
    /// </summary>
    public static IReadOnlyList<string> FieldOrder { get; } =
    [
        "Kind",
        "Patient.FirstName", "Patient.MiddleName", "Patient.LastName", "Patient.FormerNames", "Patient.DateOfBirth",
        "Patient.MedicalRecordNumber", "Patient.Address", "Patient.Phone", "Patient.SecondPhone", "Patient.Email", "Patient.PrimaryCareProvider",
        "Patient.IsDeceased", "Patient.DateOfDeath",
        "Deceased.Relation", "Deceased.HigherPriorityPersonExists", "Deceased.LettersOfOfficeAttached", "Deceased.PowerOfAttorneyContinuesAfterDeath",
        "Deceased.PatientObjectedInWriting", "Minor.Objection", "Minor.Signature",
        "Requester.Type", "Requester.Authority", "Requester.AuthorityDescription", "Requester.Name", "Requester.Organisation",
        "Requester.Phone", "Requester.Email",
        "Locations", "OtherFacilityName", "Receives", "Recipient.Name", "Recipient.Organisation", "Recipient.Address", "Recipient.Email",
        "Recipient.Phone", "Recipient.Fax",
        "Information.AllRecords", "Information.From", "Information.To", "Information.RecordTypes", "Information.Description", "Information.NeededBy",
        "Consents", "Consents.Categories", "Consents.LeaveOut", "Consents.WitnessName", "Consents.WitnessSignature", "Consents.WitnessedOn",
        "Delivery", "EmailPassphrase", "EmailPassphraseConfirm", "UnencryptedEmailRiskAccepted", "PickupBy", "Recipient.PickupBy", "Format",
        "Purpose", "PurposeDetail", "ExpiresOn", "ExpiryEvent", "RequiredStatementsPresent",
        "Signature.SignerName", "Signature.SignerRelationship", "Signature.SignedOn", "Signature.ElectronicSignature", "Signature.Agreed",
        "PhotoId", "SupportingDocument",
    ];

    /// <summary>The kind the form says, or the one that follows from who is asking.</summary>
    public RequestKind ResolvedKind => Kind ?? KindFor(Requester.Type);

    /// <summary>The records go to someone other than the patient or their representative, under an authorization.</summary>
    public bool IsThirdParty => ResolvedKind == RequestKind.Authorization;

    /// <summary>The patient or their representative asking for the patient's own records makes an access request.</summary>
    public static RequestKind KindFor(RequesterType? asking) =>
        asking is null or RequesterType.Patient or RequesterType.PersonalRepresentative ? RequestKind.Access : RequestKind.Authorization;

    /// <summary>
    /// The draft the form describes. It decides nothing the domain decides: it reads answers (text that is not a date
    /// becomes "no date", which the checks report) and drops answers that do not apply (a representative's authority
    /// when the patient asks, an expiry on an access request).
    /// </summary>
    public RecordsRequestDraft ToDraft(FormChannel channel, DateOnly today, SigningFacts? signing = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var kind = ResolvedKind;
        var authorization = kind == RequestKind.Authorization;
        var patient = Patient.ToDetails();
        var requester = Requester.ToDetails(patient);
        var locations = Locations.Where(Enum.IsDefined).Distinct().ToList();
        var delivery = Delivery ?? DeliveryMethod.Pickup; // not chosen yet: a method that needs neither address nor e-mail
        return new RecordsRequestDraft
        {
            Channel = channel.Channel,
            Kind = kind,
            Patient = patient,
            Requester = requester,
            Recipient = Recipient.ToDetails(Receives, requester.Type, delivery == DeliveryMethod.Pickup ? PickupBy : null),
            Locations = locations,
            OtherFacilityName = locations.Contains(RecordsLocation.OtherFacility) ? FormText.Optional(OtherFacilityName) : null,
            Information = Information.ToRequestedInformation(),
            Consents = Consents.ToConsents(kind),
            Delivery = delivery,
            Format = Format ?? RecordFormat.Paper,
            UnencryptedEmailRiskAccepted = delivery == DeliveryMethod.UnencryptedEmail && UnencryptedEmailRiskAccepted,
            Purpose = Purpose ?? (authorization ? RequestPurpose.Other : RequestPurpose.AtRequestOfIndividual),
            PurposeDetail = FormText.Optional(PurposeDetail),
            ExpiresOn = authorization ? DateInput.Parse(ExpiresOn) : null,
            ExpiryEvent = authorization ? FormText.Optional(ExpiryEvent) : null,
            RequiredStatementsPresent = channel.PrintsRequiredStatements ? authorization : RequiredStatementsPresent,
            Signature = SignatureFor(channel, requester, today, signing),
            Deceased = Deceased.ToStanding(patient.IsDeceased, Documents.Exists(d => d.Kind is DocumentKind.Supporting or DocumentKind.AuthorizationScan)),
            Minor = Minor.ToReview(authorization && Consents.IncludesMentalHealth),
            Documents = [.. Documents],
        };
    }

    private SignatureDetails SignatureFor(FormChannel channel, RequesterDetails requester, DateOnly today, SigningFacts? signing)
    {
        // The patient and a representative are not asked in what capacity they sign: it follows from who is asking.
        var capacity = requester.Type switch
        {
            RequesterType.Patient => "Patient",
            // Stored in English whatever the page's language (shown translated: RequestLabels.SignerRelationship).
            RequesterType.PersonalRepresentative => RequestLabels.Authority(requester.Authority, RequestLabels.Stored),
            _ => null,
        };
        var stated = FormText.Optional(Signature.SignerRelationship);
        if (!channel.SignsElectronically)
        {
            // A paper form is copied as written; the capacity it states comes first.
            return new SignatureDetails
            {
                SignerName = FormText.Text(Signature.SignerName),
                SignerRelationship = stated ?? capacity,
                SignedOn = DateInput.Parse(Signature.SignedOn) ?? default,
            };
        }

        var typedName = FormText.Text(Signature.ElectronicSignature);
        return new SignatureDetails
        {
            SignerName = typedName,
            SignerRelationship = capacity ?? stated,
            SignedOn = today,
            ElectronicSignature = typedName,
            ElectronicallySignedAt = signing?.At,
            SignerIpAddress = signing?.IpAddress,
        };
    }
}
