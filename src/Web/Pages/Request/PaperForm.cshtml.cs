using BackOffice.Web.Pdf;
using BackOffice.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages.Request;

/// <summary>The paper route: the blank authorization form as a PDF to print, fill in and mail.</summary>
public sealed class PaperFormModel(IOptions<SiteOptions> site) : PageModel
{
    public IActionResult OnGet()
    {
        var bytes = AuthorizationFormPdf.Render(site.Value);
        return File(bytes, "application/pdf", "authorization-for-release-of-health-information.pdf");
    }
}
