using System.ComponentModel.DataAnnotations;
using BackOffice.Web.Site;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages.Request;

/// <summary>Step 2: whose records (names, former names, date of birth, MRN, address, contact, deceased).</summary>
public sealed class PatientModel(WizardStore store, DepartmentClock clock, IOptions<SiteOptions> site)
    : RequestStepModel(RequestStep.Patient, store, clock, site)
{
    public const string DateHint = "For example 03/31/1980.";

    [BindProperty] public PatientInput Patient { get; set; } = new();

    protected override void Show(RequestWizardState state) => Patient = state.Patient;

    protected override void Keep(RequestWizardState state) => state.Patient = Patient;

    /// <summary>The domain checks names and dates of birth and death; this step checks what it alone knows.</summary>
    public static IEnumerable<FieldError> Check(RequestWizardState state, CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        var patient = state.Patient;
        if (!DraftBuilder.IsDateOrBlank(patient.DateOfBirth))
            yield return new("Patient.DateOfBirth", "Enter the date of birth as a real date, for example 03/31/1980.");
        if (patient.IsDeceased && !DraftBuilder.IsDateOrBlank(patient.DateOfDeath))
            yield return new("Patient.DateOfDeath", "Enter the date of death as a real date, for example 03/31/2024, or leave it empty.");
        if (state.Requester.Type is null or RequesterType.Patient && string.IsNullOrWhiteSpace(patient.Phone) && string.IsNullOrWhiteSpace(patient.Email))
            yield return new("Patient.Phone", "Give a phone number or an e-mail address so we can reach you about the request.");
        if (!string.IsNullOrWhiteSpace(patient.Email) && !DraftBuilder.IsEmail(patient.Email))
            yield return new("Patient.Email", "Enter an e-mail address like name@example.com.");
    }
}

public sealed class PatientInput
{
    [StringLength(100, ErrorMessage = "Use at most 100 characters.")] public string? FirstName { get; set; }
    [StringLength(100, ErrorMessage = "Use at most 100 characters.")] public string? MiddleName { get; set; }
    [StringLength(100, ErrorMessage = "Use at most 100 characters.")] public string? LastName { get; set; }
    [StringLength(300, ErrorMessage = "Use at most 300 characters.")] public string? FormerNames { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 03/31/1980.")] public string? DateOfBirth { get; set; }
    [StringLength(40, ErrorMessage = "Use at most 40 characters.")] public string? MedicalRecordNumber { get; set; }
    public AddressInput Address { get; set; } = new();
    [StringLength(40, ErrorMessage = "Use at most 40 characters.")] public string? Phone { get; set; }
    [StringLength(254, ErrorMessage = "Use at most 254 characters.")] public string? Email { get; set; }
    public bool IsDeceased { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 03/31/2024.")] public string? DateOfDeath { get; set; }
}
