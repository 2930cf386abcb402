namespace BackOffice.Workflows.Requests;

/// <summary>
/// A request for copies of medical records: what the paper authorization form holds, plus the
/// department's working data. Its lifecycle state is changed only by the lifecycle engine; the
/// methods here guard the data each step records.
/// </summary>
public sealed partial class RecordsRequest
{
    public const int StandardResponseDays = 30;
    public const int MaxExtensionDays = 30;

    private readonly List<SensitiveConsent> _consents = [];
    private readonly List<RequestDocument> _documents = [];
    private readonly List<RequestNote> _notes = [];
    private readonly List<Payment> _payments = [];
    private List<RecordsLocation> _locations = [];

    private RecordsRequest() { }

    public Guid Id { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    /// <summary>The form this request was made from (<see cref="RecordsRequestDraft.SubmissionKey"/>); unique.</summary>
    public Guid? SubmissionKey { get; private set; }
    /// <summary>A hash of what the requester API was sent under the submission key (<see cref="RecordsRequestDraft.SubmissionFingerprint"/>).</summary>
    public string? SubmissionFingerprint { get; private set; }
    /// <summary>The requester organisation that sent the request through the API (the only one that may read it there).</summary>
    public Guid? RequesterOrganisationId { get; private set; }
    public RequestChannel Channel { get; private set; }
    /// <summary>The language the requester reads, "en" or "es" (<see cref="RequesterLanguage"/>): messages and letters to the
    /// requester are written in it; staff screens stay English.</summary>
    public string Language { get; private set; } = RequesterLanguage.English;
    public RequestKind Kind { get; private set; }

    public PatientDetails Patient { get; private set; } = new();
    public RequesterDetails Requester { get; private set; } = new();
    public RecipientDetails Recipient { get; private set; } = new();
    public IReadOnlyList<RecordsLocation> Locations => _locations;
    public string? OtherFacilityName { get; private set; }
    public RequestedInformation Information { get; private set; } = new();
    public IReadOnlyList<SensitiveConsent> Consents => _consents;
    public DeliveryMethod Delivery { get; private set; }
    public RecordFormat Format { get; private set; }
    public bool UnencryptedEmailRiskAccepted { get; private set; }
    /// <summary>
    /// The passphrase for the encrypted file, as the host protected it (reversible only by the host's key); null when
    /// none was chosen, once the records were sent, or when the requester asked for a secure link instead.
    /// </summary>
    public string? ProtectedEmailPassphrase { get; private set; }
    public RequestPurpose Purpose { get; private set; }
    public string? PurposeDetail { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public string? ExpiryEvent { get; private set; }
    /// <summary>The 164.508(c)(2) statements (revocation, conditioning, re-disclosure) were on the signed form.</summary>
    public bool RequiredStatementsPresent { get; private set; }
    public SignatureDetails Signature { get; private set; } = new();
    /// <summary>For a patient who has died: the signer's standing (735 ILCS 5/8-2001.5).</summary>
    public DeceasedPatientStanding Deceased { get; private set; } = new();
    /// <summary>For a patient aged 12 to 17: the minor's answer and the therapist's finding (740 ILCS 110/4(a)(3)).</summary>
    public MinorReview Minor { get; private set; } = new();

    public DateOnly ReceivedOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? ExtendedDueOn { get; private set; }
    public string? ExtensionReason { get; private set; }
    public string? AssigneeId { get; private set; }
    public PageCounts Pages { get; private set; } = new();
    public decimal Postage { get; private set; }

    public IReadOnlyList<RequestDocument> Documents => _documents;

    /// <summary>"LAST FIRST" in capitals: the queue's name search is a prefix range on this indexed column.</summary>
    public string PatientNameKey { get; private set; } = "";

    public static string NameKey(string last, string? first = null) =>
        $"{last.Trim()} {first?.Trim()}".Trim().ToUpperInvariant();
    public IReadOnlyList<RequestNote> Notes => _notes;
    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>The date the response is due: the extended date once the deadline was extended. Stored, so the queue sorts and
    /// filters on it with an index.</summary>
    public DateOnly EffectiveDueOn { get; private set; }
    public bool IsThirdPartyRelease => Kind == RequestKind.Authorization;
    public SensitiveConsent? ConsentFor(SensitiveCategory category) => _consents.Find(c => c.Category == category);

    public static RecordsRequest Create(RecordsRequestDraft draft, DateOnly receivedOn)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.EnsureValid(receivedOn);
        var request = new RecordsRequest
        {
            Id = Guid.CreateVersion7(),
            TrackingNumber = Requests.TrackingNumber.New(),
            SubmissionKey = draft.SubmissionKey,
            SubmissionFingerprint = draft.SubmissionFingerprint,
            RequesterOrganisationId = draft.RequesterOrganisationId,
            Channel = draft.Channel,
            Language = RequesterLanguage.Normalize(draft.Language),
            Kind = draft.Kind,
            // Each owner gets its own address value: a draft may hand the same object to the patient and the recipient,
            // and EF Core would then track one instance for two owners (an edit of one would change the other).
            Patient = draft.Patient with { Address = draft.Patient.Address with { } },
            PatientNameKey = NameKey(draft.Patient.LastName, draft.Patient.FirstName),
            Requester = draft.Requester,
            Recipient = draft.Recipient with { Address = draft.Recipient.Address with { } },
            OtherFacilityName = draft.OtherFacilityName,
            Information = draft.Information,
            Delivery = draft.Delivery,
            Format = draft.Format,
            UnencryptedEmailRiskAccepted = draft.UnencryptedEmailRiskAccepted,
            ProtectedEmailPassphrase = draft.Delivery == DeliveryMethod.SecureEmail ? draft.ProtectedEmailPassphrase : null,
            Purpose = draft.Purpose,
            PurposeDetail = draft.PurposeDetail,
            ExpiresOn = draft.ExpiresOn,
            ExpiryEvent = draft.ExpiryEvent,
            RequiredStatementsPresent = draft.RequiredStatementsPresent,
            Signature = draft.Signature,
            Deceased = draft.Deceased,
            Minor = draft.Minor,
            ReceivedOn = receivedOn,
            DueOn = receivedOn.AddDays(StandardResponseDays),
            EffectiveDueOn = receivedOn.AddDays(StandardResponseDays),
        };
        request._locations = [.. draft.Locations.Distinct()];
        request._consents.AddRange(draft.Consents);
        foreach (var document in draft.Documents)
        {
            request.AddDocument(document.Kind, document.FileName, document.ContentType, document.Size, document.StorageKey,
                document.Sha256, document.UploadedAt);
        }

        return request;
    }

    public void Assign(string? assigneeId) => AssigneeId = string.IsNullOrWhiteSpace(assigneeId) ? null : assigneeId;

    /// <summary>45 CFR 164.524(b)(2): one extension of up to 30 days, given within the first 30 days, with a reason.</summary>
    public void ExtendDeadline(int days, string reason, DateOnly today)
    {
        if (ExtendedDueOn is not null)
        {
            throw new DomainException("The deadline has already been extended once; only one extension is allowed.", "days");
        }

        if (days is < 1 or > MaxExtensionDays)
        {
            throw new DomainException($"An extension is 1 to {MaxExtensionDays} days.", "days");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Give the reason for the extension; the requester is told it.", "reason");
        }

        if (today > DueOn)
        {
            throw new DomainException("The extension must be given before the first 30 days end.", "days");
        }

        ExtendedDueOn = DueOn.AddDays(days);
        EffectiveDueOn = ExtendedDueOn.Value;
        ExtensionReason = reason.Trim();
    }

    public void RecordPages(PageCounts counts, decimal postage)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Paper < 0 || counts.Electronic < 0 || counts.Microfiche < 0 || counts.Film < 0)
        {
            throw new DomainException("Page counts cannot be negative.", "pages");
        }

        if (postage < 0)
        {
            throw new DomainException("Postage cannot be negative.", "postage");
        }

        Pages = counts;
        Postage = postage;
    }

    public RequestDocument AddDocument(DocumentKind kind, string fileName, string contentType, long size, string storageKey, string sha256, DateTimeOffset at)
    {
        var document = RequestDocument.Create(Id, kind, fileName, contentType, size, storageKey, sha256, at);
        _documents.Add(document);
        return document;
    }

    public RequestNote AddNote(string author, string text, DateTimeOffset at)
    {
        var note = RequestNote.Create(Id, author, text, at);
        _notes.Add(note);
        return note;
    }
}
