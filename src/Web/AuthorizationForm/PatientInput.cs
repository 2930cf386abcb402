using System.ComponentModel.DataAnnotations;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>Section 1 of the form, the patient: names, date of birth, MRN, address, contact, deceased. Dates stay text as typed.</summary>
public sealed class PatientInput
{
    [StringLength(100, ErrorMessage = "Use at most {1} characters.")] public string? FirstName { get; set; }
    [StringLength(100, ErrorMessage = "Use at most {1} characters.")] public string? MiddleName { get; set; }
    [StringLength(100, ErrorMessage = "Use at most {1} characters.")] public string? LastName { get; set; }
    [StringLength(300, ErrorMessage = "Use at most {1} characters.")] public string? FormerNames { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 03/31/1980.")] public string? DateOfBirth { get; set; }
    [StringLength(40, ErrorMessage = "Use at most {1} characters.")] public string? MedicalRecordNumber { get; set; }
    public AddressInput Address { get; set; } = new();
    [StringLength(40, ErrorMessage = "Use at most {1} characters.")] public string? Phone { get; set; }
    [StringLength(40, ErrorMessage = "Use at most {1} characters.")] public string? SecondPhone { get; set; }
    [StringLength(254, ErrorMessage = "Use at most {1} characters.")] public string? Email { get; set; }
    [StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? PrimaryCareProvider { get; set; }
    public bool IsDeceased { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 03/31/2024.")] public string? DateOfDeath { get; set; }

    /// <summary>The patient as the domain holds it; a date that cannot be read becomes "no date", which the checks report.</summary>
    public PatientDetails ToDetails() => new()
    {
        FirstName = FormText.Text(FirstName),
        MiddleName = FormText.Optional(MiddleName),
        LastName = FormText.Text(LastName),
        FormerNames = FormText.Optional(FormerNames),
        DateOfBirth = DateInput.Parse(DateOfBirth) ?? default,
        MedicalRecordNumber = FormText.Optional(MedicalRecordNumber),
        Address = Address.ToPostalAddress(),
        Phone = FormText.Optional(Phone),
        SecondPhone = FormText.Optional(SecondPhone),
        Email = FormText.Optional(Email),
        PrimaryCareProvider = FormText.Optional(PrimaryCareProvider),
        IsDeceased = IsDeceased,
        DateOfDeath = IsDeceased ? DateInput.Parse(DateOfDeath) : null,
    };
}
