using BackOffice.Web.Http;
using BackOffice.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// The confirmation: tracking number, due date and what happens next. It reads the receipt from the protected
/// cookie the send set, so it cannot be reached by guessing a tracking number in the address.
/// </summary>
public sealed class DoneModel(WizardStore store, LocalizedSite site) : PageModel
{
    public RequestReceipt Receipt { get; private set; } = null!;
    public SiteOptions Site => site.Current;

    public IActionResult OnGet()
    {
        if (store.LoadReceipt(HttpContext) is not { } receipt) return Redirect(RequestSteps.StartPath);
        Receipt = receipt;
        Response.MarkNoStore();
        return Page();
    }
}
