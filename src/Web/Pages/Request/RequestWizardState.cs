using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// Everything the online request has collected so far, as typed (dates stay text until the draft is built), kept
/// between steps by <see cref="WizardStore"/>. The property names are the form field names, which are also the names
/// <see cref="RecordsRequestDraft.Validate"/> gives its errors, so a domain error lands next to its field.
/// </summary>
public sealed class RequestWizardState
{
    /// <summary>One per filled-in form; a second submission with the same id shows the first one's confirmation.</summary>
    public Guid SubmissionId { get; set; } = Guid.NewGuid();

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Steps whose answers passed their checks; a later step cannot be opened before the earlier ones.</summary>
    public List<RequestStep> Completed { get; set; } = [];

    // 1. Who is asking and who receives
    public RequesterInput Requester { get; set; } = new();
    public RecipientChoice? Receives { get; set; }

    // 2. The patient
    public PatientInput Patient { get; set; } = new();

    // 3. Release from / to
    public List<RecordsLocation> Locations { get; set; } = [RecordsLocation.MedicalGroup];
    public string? OtherFacilityName { get; set; }
    public RecipientInput Recipient { get; set; } = new();

    // 4. Information
    public InformationInput Information { get; set; } = new();
    public ConsentsInput Consents { get; set; } = new();

    // 5. Delivery and format
    public DeliveryMethod? Delivery { get; set; }
    public RecordFormat? Format { get; set; }
    public bool UnencryptedEmailRiskAccepted { get; set; }

    // 6. Purpose and expiry
    public RequestPurpose? Purpose { get; set; }
    public string? PurposeDetail { get; set; }
    public string? ExpiresOn { get; set; }
    public string? ExpiryEvent { get; set; }

    // 7. Signature and documents
    public SignatureInput Signature { get; set; } = new();
    public List<DraftDocument> Documents { get; set; } = [];

    /// <summary>The patient or their representative asking for the patient's own records is an access request.</summary>
    [JsonIgnore]
    public RequestKind Kind => Requester.Type is null or RequesterType.Patient or RequesterType.PersonalRepresentative
        ? RequestKind.Access
        : RequestKind.Authorization;

    [JsonIgnore]
    public bool IsThirdParty => Kind == RequestKind.Authorization;
}

/// <summary>Who receives the copies, as the first step asks it.</summary>
public enum RecipientChoice
{
    Requester,
    Provider,
    Other,
}

public sealed class AddressInput
{
    [StringLength(200, ErrorMessage = "Use at most 200 characters.")] public string? Line1 { get; set; }
    [StringLength(200, ErrorMessage = "Use at most 200 characters.")] public string? Line2 { get; set; }
    [StringLength(100, ErrorMessage = "Use at most 100 characters.")] public string? City { get; set; }
    [StringLength(50, ErrorMessage = "Use at most 50 characters.")] public string? State { get; set; }
    [StringLength(20, ErrorMessage = "Use at most 20 characters.")] public string? PostalCode { get; set; }

    public PostalAddress ToPostalAddress() => new()
    {
        Line1 = DraftBuilder.Text(Line1), Line2 = DraftBuilder.OptionalText(Line2), City = DraftBuilder.Text(City),
        State = DraftBuilder.Text(State), PostalCode = DraftBuilder.Text(PostalCode),
    };

    public bool IsEmpty => string.IsNullOrWhiteSpace(Line1) && string.IsNullOrWhiteSpace(City)
        && string.IsNullOrWhiteSpace(State) && string.IsNullOrWhiteSpace(PostalCode);

    public AddressInput Copy() => (AddressInput)MemberwiseClone();
}
