using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Site;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// Step 4: which information (all records, or dates, kinds and a description) and one separate, explicit consent per
/// sensitive category; a category left unticked is left out.
/// </summary>
public sealed class InformationModel(WizardStore store, DepartmentClock clock, LocalizedSite site)
    : RequestStepModel(RequestStep.Information, store, clock, site)
{
    [BindProperty] public InformationInput Information { get; set; } = new();
    [BindProperty] public ConsentsInput Consents { get; set; } = new();
    /// <summary>A patient aged 12 to 17 co-signs the mental-health consent of an authorization (740 ILCS 110/5(a)).</summary>
    [BindProperty] public MinorInput Minor { get; set; } = new();

    protected override void Show(AuthorizationFormInput form)
    {
        Information = form.Information;
        Consents = form.Consents;
        Minor = form.Minor;
    }

    protected override void Keep(AuthorizationFormInput form)
    {
        form.Information = Information;
        form.Consents = Consents;
        if (form.IsThirdParty) form.Minor.Signature = Minor.Signature;
    }
}
