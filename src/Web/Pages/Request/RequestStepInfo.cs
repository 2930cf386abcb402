using BackOffice.Web.AuthorizationForm;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Request;

/// <summary>A step: its address, its title, the part of the form it asks, and any check only the page makes.</summary>
public sealed record RequestStepInfo(RequestStep Step, string Path, string Title, FormSection Section,
    Func<AuthorizationFormInput, IEnumerable<FieldError>>? PageCheck = null);
