using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Site;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;

namespace BackOffice.Web.Pages.Request;

/// <summary>Step 1: who is asking (the patient first, the simplest route) and who receives the copies.</summary>
public sealed class IndexModel(WizardStore store, DepartmentClock clock, LocalizedSite site)
    : RequestStepModel(RequestStep.Who, store, clock, site)
{
    [BindProperty] public RequesterInput Requester { get; set; } = new();
    [BindProperty] public RecipientChoice? Receives { get; set; }

    /// <summary>The answers kept earlier were not found (too old, or cookies are blocked).</summary>
    [BindProperty(SupportsGet = true)] public bool Expired { get; set; }

    /// <summary>Forgets every answer and starts a new form.</summary>
    public IActionResult OnPostRestart()
    {
        Store.Clear(HttpContext);
        return Redirect(RequestSteps.StartPath);
    }

    protected override void Show(AuthorizationFormInput form)
    {
        Requester = form.Requester;
        Receives = form.Receives;
    }

    protected override void Keep(AuthorizationFormInput form)
    {
        form.Requester = Requester;
        form.Receives = Receives;
        // Online the kind is not asked: it follows from who is asking.
        form.Kind = AuthorizationFormInput.KindFor(Requester.Type);
    }
}
