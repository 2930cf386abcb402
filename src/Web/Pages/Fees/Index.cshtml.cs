using BackOffice.Rules;
using BackOffice.Web.Api;
using BackOffice.Web.Localization;
using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Pages.Fees;

/// <summary>"What will my copies cost?": the public fee estimate, the same rules as the invoice; rate-limited with the API.</summary>
public sealed class IndexModel(RulesEvaluator rules, DepartmentClock clock, PatientAttemptLimiter limiter, IStringLocalizer<FeeEstimateText> messages,
    RuleWords words) : PageModel
{
    [BindProperty] public string? RequesterType { get; set; } = "Patient";
    [BindProperty] public string? Format { get; set; } = "Paper";
    [BindProperty] public string? Pages { get; set; }
    [BindProperty] public string? DeliveryMethod { get; set; } = "Mail";
    [BindProperty] public string? Purpose { get; set; } = "Other";
    [BindProperty] public string? Postage { get; set; }
    [BindProperty] public string? ReceivedOn { get; set; }

    public FeeEstimateResponse? Estimate { get; private set; }

    /// <summary>"$119.07": US dollars, written the US way in every language.</summary>
    public static string Money(decimal amount) => amount.ToString("C", SiteLanguages.FormatCulture);

    public void OnGet() => ReceivedOn = DateText.Iso(clock.Today);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Counted with the API, on every node; the refusal is the site's "too many attempts" page.
        if (!await limiter.TryUseAsync(AttemptBucket.FeeEstimatesPerIp, PatientAttemptLimiter.ClientKey(HttpContext), cancellationToken))
        {
            RateLimits.SetRetryAfter(Response, limiter.WindowOf(AttemptBucket.FeeEstimatesPerIp));
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["requesterType"] = RequesterType, ["format"] = Format, ["pages"] = Pages, ["deliveryMethod"] = DeliveryMethod,
            ["purpose"] = Purpose, ["postage"] = Postage, ["receivedOn"] = ReceivedOn,
        };
        var (input, errors) = FeeEstimateInput.Read(name => fields.GetValueOrDefault(name), clock.Today, messages);
        foreach (var (field, messages) in errors)
        {
            var property = char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages) ModelState.AddModelError(property, message);
        }

        if (input is not null && ModelState.IsValid) Estimate = FeeEstimateResponse.From(input.Estimate(rules), input, words);
        return Page();
    }
}
