using BackOffice.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages;

/// <summary>"Medical records requests": the ways to ask, what to know first, delivery, fees and payment, contacts.
/// Names, contacts and hours come from configuration (<see cref="SiteOptions"/>).</summary>
public sealed class IndexModel(IOptions<SiteOptions> site) : PageModel
{
    public SiteOptions Site => site.Value;

    /// <summary>The questions line for a tel: link (digits and a leading +).</summary>
    public string QuestionsPhoneLink => "tel:" + new string([.. Site.QuestionsPhone.Where(c => char.IsDigit(c) || c == '+')]);

    public string PaymentPhoneLink => "tel:" + new string([.. Site.PaymentPhone.Where(c => char.IsDigit(c) || c == '+')]);

    public void OnGet()
    {
    }
}
