using System.ComponentModel.DataAnnotations;
using BackOffice.Web.Site;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages.Request;

/// <summary>Step 3: release from (which locations' records) and release to (the recipient).</summary>
public sealed class ReleaseModel(WizardStore store, DepartmentClock clock, IOptions<SiteOptions> site)
    : RequestStepModel(RequestStep.Release, store, clock, site)
{
    [BindProperty] public List<RecordsLocation> Locations { get; set; } = [];
    [BindProperty, StringLength(200, ErrorMessage = "Use at most 200 characters.")] public string? OtherFacilityName { get; set; }
    [BindProperty] public RecipientInput Recipient { get; set; } = new();

    protected override void Show(RequestWizardState state)
    {
        Locations = state.Locations;
        OtherFacilityName = state.OtherFacilityName;
        Recipient = state.Recipient.IsEmpty && state.Receives == RecipientChoice.Requester ? AskerAsRecipient(state) : state.Recipient;
    }

    protected override void Keep(RequestWizardState state)
    {
        state.Locations = Locations;
        state.OtherFacilityName = OtherFacilityName;
        state.Recipient = Recipient;
    }

    public static IEnumerable<FieldError> Check(RequestWizardState state, CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (!state.Locations.Contains(RecordsLocation.MedicalGroup))
        {
            yield return new("Locations", $"We can only send copies of records made by {context.Site.OrganisationName}. " +
                "Ask the other facility directly for the records it made.");
        }

        if (!string.IsNullOrWhiteSpace(state.Recipient.Email) && !DraftBuilder.IsEmail(state.Recipient.Email))
            yield return new("Recipient.Email", "Enter an e-mail address like name@example.com.");
    }

    // The person asking receives the copies: start from their own details.
    private static RecipientInput AskerAsRecipient(RequestWizardState state)
    {
        if (state.Requester.Type is null or RequesterType.Patient)
        {
            var patient = DraftBuilder.BuildPatient(state.Patient);
            return new RecipientInput { Name = patient.FullName, Address = state.Patient.Address.Copy(), Email = patient.Email };
        }

        return new RecipientInput { Name = state.Requester.Name, Organisation = state.Requester.Organisation, Email = state.Requester.Email };
    }
}

public sealed class RecipientInput
{
    [StringLength(120, ErrorMessage = "Use at most 120 characters.")] public string? Name { get; set; }
    [StringLength(200, ErrorMessage = "Use at most 200 characters.")] public string? Organisation { get; set; }
    public AddressInput Address { get; set; } = new();
    [StringLength(254, ErrorMessage = "Use at most 254 characters.")] public string? Email { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Organisation)
        && Address.IsEmpty && string.IsNullOrWhiteSpace(Email);
}
