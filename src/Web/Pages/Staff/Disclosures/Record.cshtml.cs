using System.Globalization;
using BackOffice.Web.Identity;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff.Disclosures;

/// <summary>
/// Records a disclosure made without the patient's authorization (public health, a court order, law enforcement…):
/// such disclosures happen outside the request workflow and are exactly what the accounting must list. The checks are
/// the domain's (<see cref="AccountableDisclosureDraft.Validate"/>), each message next to its field.
/// </summary>
[Authorize(Policy = StaffPolicies.Clerk)]
public sealed class RecordModel(DisclosureRecorder recorder, IAuditTrail audit, DepartmentClock clock, FieldEncryption fields) : PageModel
{
    public const string AuditAction = "disclosures.recorded";

    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "LastName", "FirstName", "DateOfBirth", "MedicalRecordNumber", "DisclosedOn", "RecipientName", "RecipientAddress",
        "Description", "LegalBasis", "PurposeDetail", "Method",
    ];

    [BindProperty] public string? LastName { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }
    [BindProperty] public string? MedicalRecordNumber { get; set; }
    [BindProperty] public string? DisclosedOn { get; set; }
    [BindProperty] public string? RecipientName { get; set; }
    [BindProperty] public string? RecipientAddress { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public string? PurposeDetail { get; set; }
    [BindProperty] public string? Method { get; set; }

    public string Today => clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var draft = new AccountableDisclosureDraft
        {
            LastName = LastName,
            FirstName = FirstName,
            DateOfBirth = ReadDate(DateOfBirth, nameof(DateOfBirth), "Enter the date of birth as a date, for example 04/12/1980."),
            MedicalRecordNumber = MedicalRecordNumber,
            DisclosedOn = ReadDate(DisclosedOn, nameof(DisclosedOn), "Enter the date disclosed as a date, for example 03/02/2026."),
            RecipientName = RecipientName,
            RecipientAddress = RecipientAddress,
            Description = Description,
            LegalBasis = LegalBasis,
            PurposeDetail = PurposeDetail,
            Method = Method,
        };
        foreach (var error in draft.Validate(clock.Today).Where(e => ModelState[e.Field]?.Errors.Count is null or 0))
            ModelState.AddModelError(error.Field, error.Message);
        if (!ModelState.IsValid) return Page();

        Disclosure disclosure;
        try
        {
            disclosure = await recorder.RecordAsync(draft, CancellationToken.None);
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError(refused.Field ?? "", refused.Message);
            return Page();
        }

        var patient = PatientIdentity.Create(draft.LastName, draft.FirstName, draft.DateOfBirth, draft.MedicalRecordNumber);
        var day = draft.DisclosedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await audit.RecordAsync(AuditAction, null, subject: $"disclosure:{disclosure.Id}; {patient.AuditReference(fields)}",
            outcome: $"{disclosure.LegalBasis}, {disclosure.Method}, disclosed {day}", CancellationToken.None);
        TempData["StatusMessage"] = $"The disclosure of {IndexModel.Date(draft.DisclosedOn.Value)} was recorded. "
            + "Search for the patient to see it in the accounting.";
        return RedirectToPage("/Staff/Disclosures/Index");
    }

    private DateOnly? ReadDate(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateInput.Parse(text) is { } date) return date;
        ModelState.AddModelError(field, message);
        return null;
    }
}
