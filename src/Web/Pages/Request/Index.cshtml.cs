using System.ComponentModel.DataAnnotations;
using BackOffice.Web.Site;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages.Request;

/// <summary>Step 1: who is asking (the patient first, the simplest route) and who receives the copies.</summary>
public sealed class IndexModel(WizardStore store, DepartmentClock clock, IOptions<SiteOptions> site)
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

    protected override void Show(RequestWizardState state)
    {
        Requester = state.Requester;
        Receives = state.Receives;
    }

    protected override void Keep(RequestWizardState state)
    {
        state.Requester = Requester;
        state.Receives = Receives;
    }

    public static IEnumerable<FieldError> Check(RequestWizardState state, CheckContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        var requester = state.Requester;
        if (requester.Type is null) yield return new("Requester.Type", "Choose who is asking for the records.");
        if (requester.Type == RequesterType.PersonalRepresentative && string.IsNullOrWhiteSpace(requester.AuthorityDescription))
            yield return new("Requester.AuthorityDescription", "Describe your authority to act for the patient, for example \"court-appointed guardian\".");
        if (requester.Type is not (null or RequesterType.Patient) && string.IsNullOrWhiteSpace(requester.Phone) && string.IsNullOrWhiteSpace(requester.Email))
            yield return new("Requester.Phone", "Give a phone number or an e-mail address so we can reach you.");
        if (!string.IsNullOrWhiteSpace(requester.Email) && !DraftBuilder.IsEmail(requester.Email))
            yield return new("Requester.Email", "Enter an e-mail address like name@example.com.");
        if (state.Receives is null) yield return new("Receives", "Choose who should receive the copies.");
    }
}

public sealed class RequesterInput
{
    public RequesterType? Type { get; set; }
    [StringLength(120, ErrorMessage = "Use at most 120 characters.")] public string? Name { get; set; }
    [StringLength(200, ErrorMessage = "Use at most 200 characters.")] public string? Organisation { get; set; }
    public RepresentativeAuthority? Authority { get; set; }
    [StringLength(1000, ErrorMessage = "Use at most 1000 characters.")] public string? AuthorityDescription { get; set; }
    [StringLength(40, ErrorMessage = "Use at most 40 characters.")] public string? Phone { get; set; }
    [StringLength(254, ErrorMessage = "Use at most 254 characters.")] public string? Email { get; set; }
}
