using BackOffice.Web.AuthorizationForm;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Request;

/// <summary>A step: its address, the part of the form it asks, and any check only the page makes.</summary>
public sealed record RequestStepInfo(RequestStep Step, string Path, FormSection Section,
    Func<AuthorizationFormInput, IEnumerable<FieldError>>? PageCheck = null)
{
    /// <summary>The step's name in the page's language: the paper form's section title, except the last step's, which
    /// also takes the photo ID.</summary>
    public string Title => Step == RequestStep.Sign ? WizardWords.Text("Signature and photo ID") : FormSections.Title(Section);
}
