using BackOffice.Web.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.ApiReference;

/// <summary>
/// The requester API's reference page (Scalar over <c>/openapi/v1.json</c>), public like the document it shows. Its
/// scripts are files; Scalar writes its styles into the page at run time, so this page allows inline styles only.
/// </summary>
public sealed class IndexModel : PageModel
{
    public void OnGet() => SecurityHeaderPolicies.Use(HttpContext, SecurityHeaderPolicies.ApiReference);
}
