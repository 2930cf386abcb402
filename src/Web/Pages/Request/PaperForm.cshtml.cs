using BackOffice.Web.Localization;
using BackOffice.Web.Pdf;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Request;

/// <summary>
/// The paper route: the blank authorization form as a PDF to print, fill in and mail, in English at
/// <c>/request/paper-form</c> and in Spanish at <c>/request/paper-form/es</c>. The address names the form's language, not
/// the visitor's page: a link in a letter, on a page or read out on the phone always gives the same form, and a form is
/// in one language only. Each public page links the form in its own language.
/// </summary>
public sealed class PaperFormModel(LocalizedSite site) : PageModel
{
    public const string EnglishPath = "/request/paper-form";

    /// <summary>The address of the blank form in <paramref name="language"/> ("en", "es"; anything else: English).</summary>
    public static string PathFor(string? language) => RequesterLanguage.Normalize(language) is var code && code == SiteLanguages.English
        ? EnglishPath
        : $"{EnglishPath}/{code}";

    public IActionResult OnGet(string? language)
    {
        var code = language ?? SiteLanguages.English;
        if (!SiteLanguages.All.Contains(code, StringComparer.Ordinal)) return NotFound();
        var bytes = AuthorizationFormPdf.Blank(site.For(code), code);
        return File(bytes, "application/pdf", AuthorizationFormPdf.FileName(code));
    }
}
