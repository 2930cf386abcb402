using BackOffice.Web.AuthorizationForm;
using BackOffice.Workflows.Requests;
using BackOffice.Web.Site;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.Pages.Request;

/// <summary>Step 2: whose records (names, former names, date of birth, MRN, address, contact, deceased).</summary>
public sealed class PatientModel(WizardStore store, DepartmentClock clock, LocalizedSite site)
    : RequestStepModel(RequestStep.Patient, store, clock, site)
{
    /// <summary>The day the date hints use as their example, written as the reader types a date (DateText.Numeric).</summary>
    public static readonly DateOnly ExampleBirthDate = new(1980, 3, 31);

    [BindProperty] public PatientInput Patient { get; set; } = new();
    [BindProperty] public DeceasedInput Deceased { get; set; } = new();
    [BindProperty] public MinorInput Minor { get; set; } = new();

    /// <summary>The representative's authority, which decides what is asked about a patient who has died.</summary>
    public RepresentativeAuthority? Authority => Form.Requester.IsRepresentative ? Form.Requester.Authority : null;

    /// <summary>A parent or guardian asks: a patient aged 12 to 17 may sign to say they know and do not object.</summary>
    public bool AsksTheMinor => Authority is RepresentativeAuthority.ParentOfMinor or RepresentativeAuthority.Guardian;

    protected override void Show(AuthorizationFormInput form)
    {
        Patient = form.Patient;
        Deceased = form.Deceased;
        Minor = form.Minor;
    }

    protected override void Keep(AuthorizationFormInput form)
    {
        // The patient asking for their own records is not asked whether they have died (nor kept as deceased).
        if (form.Requester.IsPatient) Patient.IsDeceased = false;
        form.Patient = Patient;
        form.Deceased = Deceased;
        // The patient's own signature is asked here only of a parent's or guardian's request (an authorization asks it
        // with the mental-health consent), so another request's signature is not wiped by this page.
        if (AsksTheMinor) form.Minor = Minor;
    }
}
