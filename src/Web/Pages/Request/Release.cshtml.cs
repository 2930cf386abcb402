using System.ComponentModel.DataAnnotations;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.Pages.Request;

/// <summary>Step 3: release from (which locations' records) and release to (the recipient).</summary>
public sealed class ReleaseModel(WizardStore store, DepartmentClock clock, LocalizedSite site)
    : RequestStepModel(RequestStep.Release, store, clock, site)
{
    [BindProperty] public List<RecordsLocation> Locations { get; set; } = [];
    [BindProperty, StringLength(200, ErrorMessage = "Use at most {1} characters.")] public string? OtherFacilityName { get; set; }
    [BindProperty] public RecipientInput Recipient { get; set; } = new();

    protected override void Show(AuthorizationFormInput form)
    {
        Locations = form.Locations;
        OtherFacilityName = form.OtherFacilityName;
        Recipient = form.Recipient.IsEmpty && form.Receives == RecipientChoice.Requester ? AskerAsRecipient(form) : form.Recipient;
    }

    protected override void Keep(AuthorizationFormInput form)
    {
        form.Locations = Locations;
        form.OtherFacilityName = OtherFacilityName;
        form.Recipient = Recipient;
    }

    // The person asking receives the copies: start from their own details.
    private static RecipientInput AskerAsRecipient(AuthorizationFormInput form)
    {
        if (form.Requester.IsPatient)
        {
            var patient = form.Patient.ToDetails();
            return new RecipientInput { Name = patient.FullName, Address = form.Patient.Address.Copy(), Email = patient.Email };
        }

        return new RecipientInput { Name = form.Requester.Name, Organisation = form.Requester.Organisation, Email = form.Requester.Email };
    }
}
