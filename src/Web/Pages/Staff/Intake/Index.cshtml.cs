using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using BackOffice.Web.Documents;
using BackOffice.Web.Identity;
using BackOffice.Web.Pages.Request;
using BackOffice.Web.Site;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages.Staff.Intake;

/// <summary>
/// Paper intake: a clerk keys in a paper "Authorization for Release of Health Information" form on one page, attaches
/// the scan and enters the date it arrived. The checks are the online form's (<see cref="RecordsRequestDraft.Validate"/>
/// plus the same page-level checks), each message next to its field. The field names are the draft's, so a domain
/// error lands next to its field. The scan is stored as soon as it arrives and carried in a protected hidden field, so
/// neither it nor anything typed is lost when the form fails its checks.
/// </summary>
[UploadLimits(Files = 1)]
public sealed class IndexModel(LifecycleEngine engine, DocumentStore documents, DepartmentClock clock, IAuditTrail audit,
    IOptions<SiteOptions> site, IDataProtectionProvider protection, SubmissionLedger ledger, BackOfficeDbContext db,
    ILogger<IndexModel> logger) : PageModel
{
    public const string AuditAction = "PaperIntake";
    private static readonly TimeSpan ScanTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>The field names in page order, for the error summary.</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "ReceivedOn", "Scan", "Kind",
        "Patient.FirstName", "Patient.MiddleName", "Patient.LastName", "Patient.FormerNames", "Patient.DateOfBirth",
        "Patient.MedicalRecordNumber", "Patient.Address", "Patient.Phone", "Patient.Email", "Patient.IsDeceased", "Patient.DateOfDeath",
        "Requester.Type", "Requester.Authority", "Requester.AuthorityDescription", "Requester.Name", "Requester.Organisation",
        "Requester.Phone", "Requester.Email",
        "Locations", "OtherFacilityName", "Receives", "Recipient.Name", "Recipient.Organisation", "Recipient.Address", "Recipient.Email",
        "Information.AllRecords", "Information.From", "Information.To", "Information.RecordTypes", "Information.Description",
        "Consents", "Consents.Categories", "Consents.WitnessName", "Consents.WitnessedOn",
        "Delivery", "UnencryptedEmailRiskAccepted", "Format",
        "Purpose", "PurposeDetail", "ExpiresOn", "ExpiryEvent", "RequiredStatementsPresent",
        "Signature.SignerName", "Signature.SignerRelationship", "Signature.SignedOn",
    ];

    [BindProperty, StringLength(20, ErrorMessage = "Enter the date as 03/31/2026.")] public string? ReceivedOn { get; set; }
    [BindProperty] public IFormFile? Scan { get; set; }
    /// <summary>The scan stored by an earlier post of this form (protected: the browser cannot name another file).</summary>
    [BindProperty] public string? ScanToken { get; set; }
    [BindProperty] public RequestKind? Kind { get; set; }
    /// <summary>Identifies this filled-in form, so a second send (double click, back and send) creates no second request.</summary>
    [BindProperty] public Guid SubmissionId { get; set; }

    // 1. Patient, requester
    [BindProperty] public PatientInput Patient { get; set; } = new();
    [BindProperty] public RequesterInput Requester { get; set; } = new();

    // 2. Release from / to
    [BindProperty] public List<RecordsLocation> Locations { get; set; } = [];
    [BindProperty, StringLength(200, ErrorMessage = "Use at most 200 characters.")] public string? OtherFacilityName { get; set; }
    [BindProperty] public RecipientChoice? Receives { get; set; }
    [BindProperty] public RecipientInput Recipient { get; set; } = new();

    // 3. Information
    [BindProperty] public InformationInput Information { get; set; } = new();
    [BindProperty] public ConsentsInput Consents { get; set; } = new();

    // 4. Delivery and format
    [BindProperty] public DeliveryMethod? Delivery { get; set; }
    [BindProperty] public RecordFormat? Format { get; set; }
    [BindProperty] public bool UnencryptedEmailRiskAccepted { get; set; }

    // 5. Purpose and expiry
    [BindProperty] public RequestPurpose? Purpose { get; set; }
    [BindProperty, StringLength(300, ErrorMessage = "Use at most 300 characters.")] public string? PurposeDetail { get; set; }
    [BindProperty, StringLength(20, ErrorMessage = "Enter the date as 12/31/2027.")] public string? ExpiresOn { get; set; }
    [BindProperty, StringLength(300, ErrorMessage = "Use at most 300 characters.")] public string? ExpiryEvent { get; set; }
    [BindProperty] public bool RequiredStatementsPresent { get; set; }

    // 6. Signature
    [BindProperty] public PaperSignatureInput Signature { get; set; } = new();

    /// <summary>The scan already stored for this form, shown so the clerk need not attach it again.</summary>
    public DraftDocument? StoredScan { get; private set; }

    public SiteOptions Site => site.Value;

    public string MaxSize => documents.MaxSizeText;

    public string Today => clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void OnGet()
    {
        SubmissionId = Guid.NewGuid();
        Locations = [RecordsLocation.MedicalGroup];
        Information.AllRecords = true;
        RequiredStatementsPresent = true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var today = clock.Today;
        StoredScan = ReadScanToken(ScanToken);
        await ReceiveScanAsync();
        if (StoredScan is null)
            AddError(nameof(Scan), "Attach the scan of the signed form (PDF, JPEG or PNG).");

        var receivedOn = CheckReceivedOn(today);
        foreach (var error in Check()) AddError(error.Field, error.Message);
        var draft = BuildDraft(StoredScan);
        foreach (var error in draft.Validate(today)) AddError(error.Field, error.Message);
        if (!ModelState.IsValid || receivedOn is null || StoredScan is null) return Page();

        if (SubmissionId == Guid.Empty) SubmissionId = Guid.NewGuid();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (ledger.TryClaim(SubmissionId)) return await StartAsync(draft, receivedOn.Value, StoredScan);
            if (await ledger.WaitForReceiptAsync(SubmissionId, HttpContext.RequestAborted) is { } earlier)
                return await ShowEarlierAsync(earlier);
        }

        ModelState.AddModelError("", "This form is still being saved. Wait a moment and open the work queue before keying it in again.");
        return Page();
    }

    private async Task<IActionResult> StartAsync(RecordsRequestDraft draft, DateOnly receivedOn, DraftDocument scan)
    {
        RecordsRequest request;
        try
        {
            request = await engine.StartAsync(draft, receivedOn, User.ToActor(), CancellationToken.None);
        }
        catch (InvalidDraftException invalid)
        {
            ledger.Abandon(SubmissionId);
            foreach (var error in invalid.Errors) AddError(error.Field, error.Message);
            return Page();
        }
        catch
        {
            ledger.Abandon(SubmissionId);
            throw;
        }

        ledger.Complete(SubmissionId, new RequestReceipt(request.TrackingNumber, request.DueOn, request.Delivery, request.Kind));
        await audit.RecordAsync(AuditAction, request.Id, subject: scan.FileName,
            outcome: $"Paper form received {receivedOn:yyyy-MM-dd}; tracking number {request.TrackingNumber}", CancellationToken.None);
        logger.LogInformation("Paper request {TrackingNumber} keyed in ({Kind}, received {ReceivedOn})",
            request.TrackingNumber, request.Kind, receivedOn);
        return Redirect($"/Staff/Requests/{request.Id}");
    }

    // The same form was sent before (double click, or back and send again): show the request it created.
    private async Task<IActionResult> ShowEarlierAsync(RequestReceipt earlier)
    {
        var id = await db.Requests.AsNoTracking().Where(r => r.TrackingNumber == earlier.TrackingNumber).Select(r => r.Id)
            .FirstAsync(HttpContext.RequestAborted);
        return Redirect($"/Staff/Requests/{id}");
    }

    /// <summary>The draft the form describes; it decides nothing the domain decides.</summary>
    public RecordsRequestDraft BuildDraft(DraftDocument? scan)
    {
        var patient = DraftBuilder.BuildPatient(Patient);
        var type = Requester.Type ?? RequesterType.Patient;
        var isPatient = type == RequesterType.Patient;
        var isRepresentative = type == RequesterType.PersonalRepresentative;
        var requester = new RequesterDetails
        {
            Type = type,
            Name = isPatient ? patient.FullName : DraftBuilder.Text(Requester.Name),
            Organisation = isPatient || isRepresentative ? null : DraftBuilder.OptionalText(Requester.Organisation),
            Authority = isRepresentative ? Requester.Authority ?? RepresentativeAuthority.None : RepresentativeAuthority.None,
            AuthorityDescription = isRepresentative ? DraftBuilder.OptionalText(Requester.AuthorityDescription) : null,
            Phone = isPatient ? patient.Phone : DraftBuilder.OptionalText(Requester.Phone),
            Email = isPatient ? patient.Email : DraftBuilder.OptionalText(Requester.Email),
        };
        var locations = Locations.Where(Enum.IsDefined).Distinct().ToList();
        var delivery = Delivery ?? DeliveryMethod.Pickup;
        var kind = Kind ?? RequestKind.Authorization;
        return new RecordsRequestDraft
        {
            Channel = RequestChannel.Paper,
            Kind = kind,
            Patient = patient,
            Requester = requester,
            Recipient = new RecipientDetails
            {
                Type = Receives switch { RecipientChoice.Provider => RequesterType.Provider, RecipientChoice.Other => RequesterType.OtherThirdParty, _ => type },
                Name = DraftBuilder.Text(Recipient.Name),
                Organisation = DraftBuilder.OptionalText(Recipient.Organisation),
                Address = Recipient.Address.ToPostalAddress(),
                Email = DraftBuilder.OptionalText(Recipient.Email),
            },
            Locations = locations,
            OtherFacilityName = locations.Contains(RecordsLocation.OtherFacility) ? DraftBuilder.OptionalText(OtherFacilityName) : null,
            Information = DraftBuilder.BuildInformation(Information),
            Consents = DraftBuilder.BuildConsents(Consents),
            Delivery = delivery,
            Format = Format ?? RecordFormat.Paper,
            UnencryptedEmailRiskAccepted = delivery == DeliveryMethod.SecureEmail && UnencryptedEmailRiskAccepted,
            Purpose = Purpose ?? (kind == RequestKind.Authorization ? RequestPurpose.Other : RequestPurpose.AtRequestOfIndividual),
            PurposeDetail = DraftBuilder.OptionalText(PurposeDetail),
            ExpiresOn = DraftBuilder.ParseDate(ExpiresOn),
            ExpiryEvent = DraftBuilder.OptionalText(ExpiryEvent),
            RequiredStatementsPresent = RequiredStatementsPresent,
            Signature = new SignatureDetails
            {
                SignerName = DraftBuilder.Text(Signature.SignerName),
                SignerRelationship = DraftBuilder.OptionalText(Signature.SignerRelationship)
                    ?? (isPatient ? "Patient" : isRepresentative ? RequestLabels.Authority(requester.Authority) : null),
                SignedOn = DraftBuilder.ParseDate(Signature.SignedOn) ?? default,
            },
            Documents = scan is null ? [] : [scan],
        };
    }

    /// <summary>What the online form's steps check before the domain's own validation, for one page.</summary>
    private IEnumerable<FieldError> Check()
    {
        if (Kind is null) yield return new("Kind", "Choose whether this is the patient's own access request or an authorization to release to someone else.");
        if (Requester.Type is null) yield return new("Requester.Type", "Choose who is asking for the records.");
        if (Kind == RequestKind.Access && Requester.Type is not (null or RequesterType.Patient or RequesterType.PersonalRepresentative))
            yield return new("Kind", "Only the patient or their personal representative makes an access request; choose authorization for anyone else.");
        if (Requester.Type == RequesterType.PersonalRepresentative && string.IsNullOrWhiteSpace(Requester.AuthorityDescription))
            yield return new("Requester.AuthorityDescription", "Describe the representative's authority, for example \"court-appointed guardian\".");
        if (Requester.Type is not (null or RequesterType.Patient) && string.IsNullOrWhiteSpace(Requester.Phone) && string.IsNullOrWhiteSpace(Requester.Email))
            yield return new("Requester.Phone", "Give a phone number or an e-mail address of the person asking.");
        if (!string.IsNullOrWhiteSpace(Requester.Email) && !DraftBuilder.IsEmail(Requester.Email))
            yield return new("Requester.Email", "Enter an e-mail address like name@example.com.");
        if (!string.IsNullOrWhiteSpace(Patient.Email) && !DraftBuilder.IsEmail(Patient.Email))
            yield return new("Patient.Email", "Enter an e-mail address like name@example.com.");
        if (Patient.IsDeceased && !DraftBuilder.IsDateOrBlank(Patient.DateOfDeath))
            yield return new("Patient.DateOfDeath", "Enter the date of death as a real date, for example 03/31/2024, or leave it empty.");
        if (Receives is null) yield return new("Receives", "Choose who receives the copies.");
        if (!string.IsNullOrWhiteSpace(Recipient.Email) && !DraftBuilder.IsEmail(Recipient.Email))
            yield return new("Recipient.Email", "Enter an e-mail address like name@example.com.");
        if (Information.AllRecords is null) yield return new("Information.AllRecords", "Choose all records or only some.");
        if (Information.AllRecords == false && !DraftBuilder.IsDateOrBlank(Information.From))
            yield return new("Information.From", "Enter the start of the range as a real date, for example 01/01/2020.");
        if (Information.AllRecords == false && !DraftBuilder.IsDateOrBlank(Information.To))
            yield return new("Information.To", "Enter the end of the range as a real date, for example 12/31/2024.");
        if (Consents.Categories.Contains(SensitiveCategory.MentalHealth))
        {
            if (!DraftBuilder.IsDateOrBlank(Consents.WitnessedOn))
                yield return new("Consents.WitnessedOn", "Enter the date the witness signed as a real date, for example 03/31/2026.");
            // Illinois needs a witness when mental health records go to someone else (740 ILCS 110/5).
            if (Kind == RequestKind.Authorization && string.IsNullOrWhiteSpace(Consents.WitnessName))
                yield return new("Consents.WitnessName", "Enter the witness's name: mental health records released to someone else need a witness.");
            if (Kind == RequestKind.Authorization && string.IsNullOrWhiteSpace(Consents.WitnessedOn))
                yield return new("Consents.WitnessedOn", "Enter the date the witness signed.");
        }

        if (Delivery is null) yield return new("Delivery", "Choose how the copies are delivered (Section 4).");
        if (Format is null) yield return new("Format", "Choose paper or electronic copies.");
        if (Delivery == DeliveryMethod.SecureEmail && !UnencryptedEmailRiskAccepted && Format == RecordFormat.Electronic)
            yield return new("UnencryptedEmailRiskAccepted", "Tick the box when the form accepts the risk of e-mail; otherwise choose another delivery.");
        if (!DraftBuilder.IsDateOrBlank(ExpiresOn))
            yield return new("ExpiresOn", "Enter the expiry date as a real date, for example 12/31/2027, or leave it empty.");
        if (Requester.Type is not (null or RequesterType.Patient) && string.IsNullOrWhiteSpace(Signature.SignerRelationship)
            && Requester.Type != RequesterType.PersonalRepresentative)
            yield return new("Signature.SignerRelationship", "Say who signed: the patient or the person legally acting for the patient.");
    }

    private DateOnly? CheckReceivedOn(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(ReceivedOn))
        {
            AddError(nameof(ReceivedOn), "Enter the date the form arrived.");
            return null;
        }

        if (DraftBuilder.ParseDate(ReceivedOn) is not { } date)
        {
            AddError(nameof(ReceivedOn), "Enter the date the form arrived as a real date, for example 03/31/2026.");
            return null;
        }

        if (date > today)
        {
            AddError(nameof(ReceivedOn), "The date the form arrived cannot be in the future.");
            return null;
        }

        return date;
    }

    // A new file replaces the stored one; a refused file keeps the stored one.
    private async Task ReceiveScanAsync()
    {
        if (Scan is null || Scan.Length == 0) return;
        if (Scan.Length > documents.MaxBytes)
        {
            AddError(nameof(Scan), $"This file is larger than {documents.MaxSizeText}. Scan at a lower resolution or split the file.");
            return;
        }

        try
        {
            await using var content = Scan.OpenReadStream();
            var saved = await documents.SaveAsync(content, Scan.FileName, DocumentKind.AuthorizationScan, HttpContext.RequestAborted);
            if (StoredScan is not null) documents.Delete(StoredScan.StorageKey);
            StoredScan = saved;
            ScanToken = Protector.Protect(JsonSerializer.Serialize(saved), ScanTokenLifetime);
            ModelState.Remove(nameof(ScanToken)); // the hidden field shows the new token, not the posted one
        }
        catch (DocumentRejectedException rejected)
        {
            AddError(nameof(Scan), rejected.Message);
        }
    }

    private DraftDocument? ReadScanToken(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var document = JsonSerializer.Deserialize<DraftDocument>(Protector.Unprotect(token));
            return document is { Kind: DocumentKind.AuthorizationScan } ? document : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("BackOffice.Staff.Intake.Scan", User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "")
            .ToTimeLimitedDataProtector();

    private void AddError(string field, string message)
    {
        if (ModelState[field] is { Errors.Count: > 0 }) return; // one message per field: the first found
        ModelState.AddModelError(field, message);
    }
}

/// <summary>Section 6 of the paper form: who signed, in what capacity, and when.</summary>
public sealed class PaperSignatureInput
{
    [StringLength(120, ErrorMessage = "Use at most 120 characters.")] public string? SignerName { get; set; }
    [StringLength(120, ErrorMessage = "Use at most 120 characters.")] public string? SignerRelationship { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 03/31/2026.")] public string? SignedOn { get; set; }
}

/// <summary>The words the intake page uses for who is asking (the online form speaks to the requester; this to a clerk).</summary>
public static class IntakeLabels
{
    public static string Requester(RequesterType type) => type switch
    {
        RequesterType.Patient => "The patient",
        RequesterType.PersonalRepresentative => "The patient's personal representative",
        RequesterType.Attorney => "An attorney or law firm",
        RequesterType.Insurer => "An insurance company",
        RequesterType.Provider => "Another doctor, hospital or clinic",
        _ => "An employer or someone else",
    };
}
