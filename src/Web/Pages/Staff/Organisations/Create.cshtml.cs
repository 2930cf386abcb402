using BackOffice.Web.Identity;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff.Organisations;

/// <summary>A supervisor registers a requester organisation: name, type, contact, address and the delivery methods it may use.</summary>
public sealed class CreateModel(RequesterOrganisations organisations, IAuditTrail audit) : PageModel
{
    public const string AuditAction = "RegisterOrganisation";

    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Input.Name", "Input.Type", "Input.ContactName", "Input.ContactEmail", "Input.ContactPhone", "Input.Address.Line1",
        "Input.Address.Line2", "Input.Address.City", "Input.Address.State", "Input.Address.PostalCode", "Input.AllowedDeliveryMethods",
    ];

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public void OnGet() => Input.AllowedDeliveryMethods = [DeliveryMethod.Mail, DeliveryMethod.SecureEmail, DeliveryMethod.Portal];

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Name)) ModelState.AddModelError("Input.Name", "Enter the organization's name.");
        if (Input.Type is null) ModelState.AddModelError("Input.Type", "Choose the kind of organization.");
        if (!ModelState.IsValid) return Page();

        RequesterOrganisation organisation;
        try
        {
            organisation = await organisations.RegisterAsync(Input.ToDetails(), User.DisplayName(), cancellationToken);
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError("Input." + (refused.Field ?? "Name"), refused.Message);
            return Page();
        }

        await audit.RecordAsync(AuditAction, null, subject: organisation.Id.ToString(), outcome: organisation.Name, cancellationToken);
        TempData["StatusMessage"] = $"{organisation.Name} registered. Issue an API key for it below.";
        return RedirectToPage("Details", new { id = organisation.Id });
    }

    /// <summary>"true" for a field with errors, for aria-invalid; null (no attribute) otherwise.</summary>
    public string? Invalid(string field) => ModelState[field]?.Errors.Count > 0 ? "true" : null;
}
