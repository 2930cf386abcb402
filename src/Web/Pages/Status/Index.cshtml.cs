using BackOffice.Web.Http;
using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Pages.Status;

/// <summary>
/// "Check on a request": tracking number and date of birth, by POST so the date of birth never enters a URL or
/// a log. Every wrong, unknown or malformed combination gets the same page; lookups are limited per client
/// address and failures per tracking number.
/// </summary>
public sealed class IndexModel(BackOfficeDbContext db, PatientAttemptLimiter limiter, PatientPasses passes, IStringLocalizer<StatusText> words)
    : PageModel
{
    /// <summary>The English of <c>StatusText</c>'s "NotFound": the one answer to every wrong combination.</summary>
    public const string NotFoundMessage =
        "We could not find a request with that tracking number and date of birth. Check both and try again.";
    public static readonly TimeSpan VerifiedFor = TimeSpan.FromMinutes(15);

    [BindProperty] public string? TrackingNumber { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }

    public bool TooManyAttempts { get; private set; }

    public static string PathFor(Guid requestId) => $"/status/{requestId}";

    public void OnGet() => Response.MarkNoStore();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.MarkNoStore();
        if (!await limiter.TryUseAsync(AttemptBucket.StatusPerIp, PatientAttemptLimiter.ClientKey(HttpContext), cancellationToken)) return Refuse(limiter.WindowOf(AttemptBucket.StatusPerIp));

        var dateOfBirth = DateInput.Parse(DateOfBirth);
        if (string.IsNullOrWhiteSpace(TrackingNumber))
            ModelState.AddModelError(nameof(TrackingNumber), words["EnterTrackingNumber"]);
        if (string.IsNullOrWhiteSpace(DateOfBirth))
            ModelState.AddModelError(nameof(DateOfBirth), words["EnterDateOfBirth"]);
        else if (dateOfBirth is null)
            ModelState.AddModelError(nameof(DateOfBirth), words["DateOfBirthFormat"]);
        if (!ModelState.IsValid) return Page();

        var normalized = Workflows.Requests.TrackingNumber.Normalize(TrackingNumber);
        var numberKey = normalized ?? TrackingNumber!.Trim().ToUpperInvariant();
        if (!await limiter.HasRoomAsync(AttemptBucket.StatusFailuresPerTrackingNumber, numberKey, cancellationToken)) return Refuse(limiter.WindowOf(AttemptBucket.StatusFailuresPerTrackingNumber));

        var requestId = await RequestLookup.FindAsync(db, normalized, dateOfBirth!.Value, cancellationToken);
        if (requestId is null)
        {
            await limiter.TryUseAsync(AttemptBucket.StatusFailuresPerTrackingNumber, numberKey, cancellationToken);
            // Echo nothing back: the page for a wrong date, an unknown number and a malformed one is the same.
            Forget();
            ModelState.AddModelError(nameof(TrackingNumber), words["NotFound"]);
            return Page();
        }

        passes.Give(Response, PassKind.Status, requestId.Value, PathFor(requestId.Value), VerifiedFor);
        return Redirect(PathFor(requestId.Value));
    }

    public string? Invalid(string field) => ModelState[field]?.Errors.Count > 0 ? "true" : null;

    private PageResult Refuse(TimeSpan retryAfter)
    {
        Forget();
        TooManyAttempts = true;
        RateLimits.SetRetryAfter(Response, retryAfter);
        var page = Page();
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
    }

    private void Forget()
    {
        ModelState.Clear();
        TrackingNumber = null;
        DateOfBirth = null;
    }
}
