using System.Globalization;
using BackOffice.Web.Identity;
using BackOffice.Web.Pdf;
using BackOffice.Web.Site;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages.Staff.Disclosures;

/// <summary>
/// A patient's accounting of disclosures (45 CFR 164.528): search by name and date of birth or by MRN, see the
/// disclosures HIPAA requires (or all logged), download them as CSV or PDF. The search is posted, not put in the
/// address, so names and dates of birth stay out of server logs and browser history. Every view and download is
/// audited with the patient as <see cref="PatientIdentity.AuditReference"/> (a keyed hash, never the MRN, name or date of birth).
/// </summary>
[Authorize(Policy = StaffPolicies.Clerk)]
public sealed class IndexModel(DisclosureAccounting accounting, IAuditTrail audit, DepartmentClock clock, FieldEncryption fields,
    IOptions<SiteOptions> site) : PageModel
{
    public const string ViewedAction = "disclosures.viewed";
    public const string CsvAction = "disclosures.exported.csv";
    public const string PdfAction = "disclosures.exported.pdf";

    public static readonly IReadOnlyList<string> FieldOrder = ["LastName", "FirstName", "DateOfBirth", "Mrn"];

    [BindProperty] public string? LastName { get; set; }
    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }
    [BindProperty] public string? Mrn { get; set; }
    [BindProperty] public AccountingView View { get; set; } = AccountingView.Required;

    /// <summary>Set by the record page after a disclosure was recorded.</summary>
    [TempData] public string? StatusMessage { get; set; }

    public DisclosureAccountingReport? Report { get; private set; }

    public DateOnly WindowStart => clock.Today.AddYears(-DisclosureAccounting.Years);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Identity() is not { } patient) return Page();
        Report = await accounting.ForPatientAsync(patient, View, HttpContext.RequestAborted);
        await AuditAsync(ViewedAction, Report, null);
        return Page();
    }

    public async Task<IActionResult> OnPostCsvAsync()
    {
        if (Identity() is not { } patient) return Page();
        var report = await accounting.ForPatientAsync(patient, View, HttpContext.RequestAborted);
        var fileName = DisclosureCsv.FileName(clock.Today);
        await AuditAsync(CsvAction, report, fileName);
        return File(DisclosureCsv.Write(report), DisclosureCsv.ContentType, fileName);
    }

    public async Task<IActionResult> OnPostPdfAsync()
    {
        if (Identity() is not { } patient) return Page();
        var report = await accounting.ForPatientAsync(patient, View, HttpContext.RequestAborted);
        var fileName = DisclosureAccountingPdf.FileName(clock.Today);
        await AuditAsync(PdfAction, report, fileName);
        var pdf = DisclosureAccountingPdf.Render(site.Value, report, clock);
        return File(pdf, DisclosureAccountingPdf.ContentType, fileName);
    }

    public static string Date(DateOnly day) => day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private PatientIdentity? Identity()
    {
        var dob = DateInput.Parse(DateOfBirth);
        if (!string.IsNullOrWhiteSpace(DateOfBirth) && dob is null)
        {
            ModelState.AddModelError(nameof(DateOfBirth), "Enter the date of birth as a date, for example 04/12/1980.");
            return null;
        }

        foreach (var error in PatientIdentity.Validate(LastName, FirstName, dob, Mrn)) ModelState.AddModelError(error.Field, error.Message);
        return ModelState.IsValid ? PatientIdentity.Create(LastName, FirstName, dob, Mrn) : null;
    }

    // The audit row names the patient only by a keyed hash; the request column links the newest request, if any.
    private Task AuditAsync(string action, DisclosureAccountingReport report, string? fileName)
    {
        var outcome = $"{report.View} view, {report.Entries.Count} shown, {report.HiddenCount} exempt hidden, "
            + $"{Iso(report.From)} to {Iso(report.To)}{(fileName is null ? "" : "; " + fileName)}";
        return audit.RecordAsync(action, report.NewestRequestId, subject: report.Patient.AuditReference(fields), outcome: outcome,
            CancellationToken.None);
    }
}
