using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Site;
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

    protected override void Show(AuthorizationFormInput form) => Patient = form.Patient;

    protected override void Keep(AuthorizationFormInput form) => form.Patient = Patient;
}
