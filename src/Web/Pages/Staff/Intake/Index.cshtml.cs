using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Documents;
using BackOffice.Web.Identity;
using BackOffice.Web.Pages.Request;
using BackOffice.Web.Site;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Lifecycle;
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
/// the scan and enters the date it arrived. The form is the shared <see cref="AuthorizationFormInput"/>, checked by
/// <see cref="AuthorizationFormChecks"/> as a paper form (keyed in as written) and then by the domain
/// (<see cref="RecordsRequestDraft.Validate"/>), each message next to its field. The scan is stored as soon as it arrives and carried in a protected hidden field, so
/// neither it nor anything typed is lost when the form fails its checks.
/// </summary>
[UploadLimits(Files = 1)]
public sealed class IndexModel(LifecycleEngine engine, DocumentStore documents, DepartmentClock clock, IAuditTrail audit,
    IOptions<SiteOptions> site, IDataProtectionProvider protection, SubmittedForms submitted,
    ILogger<IndexModel> logger) : PageModel
{
    public const string AuditAction = "PaperIntake";
    private static readonly TimeSpan ScanTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>The field names in page order, for the error summary: the paper's own, then the form's.</summary>
    public static readonly IReadOnlyList<string> FieldOrder = ["ReceivedOn", "Scan", nameof(Language), .. AuthorizationFormInput.FieldOrder];

    [BindProperty, StringLength(20, ErrorMessage = "Enter the date as 03/31/2026.")] public string? ReceivedOn { get; set; }
    [BindProperty] public IFormFile? Scan { get; set; }
    /// <summary>
    /// The language the requester reads ("en", "es"): the form's own language, or the one they ask for. Stored on the
    /// request (<see cref="RecordsRequest.Language"/>) as the online form stores its pages' language, so every later
    /// e-mail and letter to the requester is written in it.
    /// </summary>
    [BindProperty] public string? Language { get; set; }
    /// <summary>The scan stored by an earlier post of this form (protected: the browser cannot name another file).</summary>
    [BindProperty] public string? ScanToken { get; set; }
    /// <summary>Identifies this filled-in form, so a second send (double click, back and send) creates no second request.</summary>
    [BindProperty] public Guid SubmissionId { get; set; }

    /// <summary>The form itself, bound without a prefix: its field names are the form's ("Patient.FirstName").</summary>
    [BindProperty(Name = "")] public AuthorizationFormInput Form { get; set; } = new();

    /// <summary>The scan already stored for this form, shown so the clerk need not attach it again.</summary>
    public DraftDocument? StoredScan { get; private set; }

    public SiteOptions Site => site.Value;

    public string MaxSize => documents.MaxSizeText;

    public string Today => DateText.Iso(clock.Today);

    public void OnGet()
    {
        SubmissionId = Guid.NewGuid();
        Language = RequesterLanguage.English;
        Form.Locations = [RecordsLocation.MedicalGroup];
        Form.Information.AllRecords = true;
        Form.RequiredStatementsPresent = true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var today = clock.Today;
        StoredScan = ReadScanToken(ScanToken);
        await ReceiveScanAsync();
        if (StoredScan is null)
            AddError(nameof(Scan), "Attach the scan of the signed form (PDF, JPEG or PNG).");

        var receivedOn = CheckReceivedOn(today);
        var language = CheckLanguage();
        foreach (var error in AuthorizationFormChecks.All(Form, new FormCheckContext(today, site.Value, FormChannel.Paper)))
            AddError(error.Field, error.Message);
        Form.Documents = StoredScan is null ? [] : [StoredScan];
        var draft = Form.ToDraft(FormChannel.Paper, today) with { Language = language ?? RequesterLanguage.English };
        foreach (var error in draft.Validate(today)) AddError(error.Field, error.Message);
        if (!ModelState.IsValid || receivedOn is null || language is null || StoredScan is null) return Page();

        if (SubmissionId == Guid.Empty) SubmissionId = Guid.NewGuid();
        // Keyed in before (a double click, back and save again, another node): show the request it made.
        if (await submitted.ReceiptOfAsync(SubmissionId, CancellationToken.None) is { } earlier) return ShowEarlier(earlier);
        return await StartAsync(draft with { SubmissionKey = SubmissionId }, receivedOn.Value, StoredScan);
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
            foreach (var error in invalid.Errors) AddError(error.Field, error.Message);
            return Page();
        }
        catch (DbUpdateException)
        {
            // The same form saved at the same moment elsewhere was stored first.
            if (await submitted.ReceiptOfAsync(SubmissionId, CancellationToken.None) is { } first) return ShowEarlier(first);
            throw;
        }

        await audit.RecordAsync(AuditAction, request.Id, subject: scan.FileName,
            outcome: $"Paper form received {receivedOn:yyyy-MM-dd}; tracking number {request.TrackingNumber}", CancellationToken.None);
        logger.LogInformation("Paper request {TrackingNumber} keyed in ({Kind}, received {ReceivedOn})",
            request.TrackingNumber, request.Kind, receivedOn);
        return Redirect($"/Staff/Requests/{request.Id}");
    }

    // The same form was sent before (double click, or back and send again): show the request it created.
    private RedirectResult ShowEarlier(RequestReceipt earlier) => Redirect($"/Staff/Requests/{earlier.RequestId}");

    private DateOnly? CheckReceivedOn(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(ReceivedOn))
        {
            AddError(nameof(ReceivedOn), "Enter the date the form arrived.");
            return null;
        }

        if (DateInput.Parse(ReceivedOn) is not { } date)
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

    // One of the languages letters are written in, as posted ("en", "es"); nothing else is read as English silently.
    private string? CheckLanguage()
    {
        if (Language is { } posted && RequesterLanguage.All.Contains(posted, StringComparer.Ordinal)) return posted;
        AddError(nameof(Language), "Choose the language of the letters and e-mails to the requester: English or Español.");
        return null;
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
