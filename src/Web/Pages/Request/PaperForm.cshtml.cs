using BackOffice.Web.Localization;
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
        // The paper form is printed in English until it has its own translation: its section titles and choices are the
        // form's English words (FormSections, RequestLabels), not the page's language.
        using var english = SiteLanguages.Use(SiteLanguages.English);
        var bytes = AuthorizationFormPdf.Render(site.Value);
        return File(bytes, "application/pdf", "authorization-for-release-of-health-information.pdf");
    }
}
