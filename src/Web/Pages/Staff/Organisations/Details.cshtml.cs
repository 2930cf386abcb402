using System.ComponentModel.DataAnnotations;
using BackOffice.Web.Identity;
using BackOffice.Web.Webhooks;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Organisations;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff.Organisations;

/// <summary>
/// One requester organisation, its API keys and its webhook: issue a key (shown on this answer only, never again: only its
/// hash is kept), revoke one (refused from the next call, on every node); set, remove or test the webhook and read its
/// delivery log (tracking numbers, hence the view is audited like every other). Viewing and every change are audited.
/// </summary>
public sealed class DetailsModel(RequesterOrganisations organisations, DepartmentClock clock, IAuditTrail audit, BackOfficeDbContext db,
    WebhookAddresses webhookAddresses, WebhookSender webhooks) : PageModel
{
    public const string ViewAction = "ViewOrganisation";
    public const string IssueAction = "IssueApiKey";
    public const string RevokeAction = "RevokeApiKey";
    public const string SetWebhookAction = "SetWebhook";
    public const string RemoveWebhookAction = "RemoveWebhook";
    public const string TestWebhookAction = "SendTestWebhook";
    public const int DeliveriesShown = 50;

    public RequesterOrganisation Organisation { get; private set; } = null!;
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>The newest webhook deliveries, newest first.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];

    /// <summary>The webhook's signing secret just made: shown once, on the page that answers setting the webhook.</summary>
    public string? IssuedWebhookSecret { get; private set; }

    [BindProperty, StringLength(WebhookAddresses.MaxUrlLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Webhook address")]
    public string? WebhookUrl { get; set; }

    /// <summary>The key just issued: shown once, on the page that answers the issue.</summary>
    public string? IssuedKey { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty, StringLength(ApiKey.NameMaxLength, ErrorMessage = "Use at most {1} characters.")]
    [Display(Name = "Key name")]
    public string? KeyName { get; set; }

    [BindProperty, StringLength(20, ErrorMessage = "Enter the date as 12/31/2027.")]
    [Display(Name = "Expires after (optional)")]
    public string? ExpiresOn { get; set; }

    public DateTimeOffset Now => clock.Now;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(id, cancellationToken);
        await audit.RecordAsync(ViewAction, null, subject: id.ToString(), outcome: found ? Organisation.Name : "not found", cancellationToken);
        return found ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        DateTimeOffset? expiresAt = null;
        if (!string.IsNullOrWhiteSpace(ExpiresOn))
        {
            if (DateInput.Parse(ExpiresOn) is not { } day) ModelState.AddModelError(nameof(ExpiresOn), "Enter the date as 12/31/2027, or leave it empty.");
            else expiresAt = clock.StartOf(day.AddDays(1)); // the key works through the day given
        }

        if (string.IsNullOrWhiteSpace(KeyName)) ModelState.AddModelError(nameof(KeyName), "Name the key (for example after the system that uses it).");
        if (!ModelState.IsValid) return Page();
        try
        {
            var (key, secret) = await organisations.IssueKeyAsync(id, KeyName, expiresAt, User.DisplayName(), cancellationToken);
            await audit.RecordAsync(IssueAction, null, subject: key.Prefix, outcome: $"{Organisation.Name}: {key.Name}", cancellationToken);
            IssuedKey = secret;
            KeyName = null;
            ExpiresOn = null;
            ModelState.Clear();
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError(refused.Field == "ExpiresOn" ? nameof(ExpiresOn) : nameof(KeyName), refused.Message);
            return Page();
        }

        Keys = await organisations.KeysOfAsync(id, cancellationToken);
        // The key is in this answer only: never cached, never kept in a browser's history.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid keyId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var key = Keys.FirstOrDefault(k => k.Id == keyId);
        if (key is null || !await organisations.RevokeKeyAsync(id, keyId, User.DisplayName(), cancellationToken)) return NotFound();
        await audit.RecordAsync(RevokeAction, null, subject: key.Prefix, outcome: $"{Organisation.Name}: {key.Name}", cancellationToken);
        StatusMessage = $"Key {key.Name} ({key.Prefix}…) revoked: calls with it are refused from now on.";
        return RedirectToPage(new { id });
    }

    /// <summary>Sets or replaces the webhook with a new signing secret, shown once.</summary>
    public async Task<IActionResult> OnPostWebhookAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        var (url, problem) = await webhookAddresses.CheckAsync(WebhookUrl, cancellationToken);
        if (url is null)
        {
            ModelState.AddModelError(nameof(WebhookUrl), problem!);
            return Page();
        }

        var organisation = await organisations.FindAsync(id, cancellationToken);
        var secret = WebhookSignature.NewSecret();
        organisation!.SetWebhook(url.AbsoluteUri, webhooks.Protect(secret));
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(SetWebhookAction, null, subject: url.Host, outcome: organisation.Name, cancellationToken);
        await LoadAsync(id, cancellationToken);
        IssuedWebhookSecret = secret;
        WebhookUrl = null;
        ModelState.Clear();
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveWebhookAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await organisations.FindAsync(id, cancellationToken);
        if (organisation is null) return NotFound();
        organisation.RemoveWebhook();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(RemoveWebhookAction, null, outcome: organisation.Name, cancellationToken: cancellationToken);
        StatusMessage = "Webhook removed: no more events are sent.";
        return RedirectToPage(new { id });
    }

    /// <summary>Posts a test event now and says what the receiver answered (it is in the delivery log too).</summary>
    public async Task<IActionResult> OnPostTestWebhookAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await organisations.FindAsync(id, cancellationToken);
        if (organisation is null) return NotFound();
        if (organisation.WebhookUrl is null)
        {
            StatusMessage = "Set a webhook first.";
            return RedirectToPage(new { id });
        }

        var (status, error) = await webhooks.SendTestAsync(organisation, cancellationToken);
        await audit.RecordAsync(TestWebhookAction, null, outcome: status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? error,
            cancellationToken: cancellationToken);
        StatusMessage = error is null ? $"Test event delivered: the webhook answered {status}." : $"Test event not delivered: {error}";
        return RedirectToPage(new { id });
    }

    public string Status(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.RevokedAt is { } revoked) return $"Revoked {clock.WrittenWithTime(revoked)} by {key.RevokedBy}";
        if (key.IsExpired(Now)) return "Expired";
        return "Active";
    }

    /// <summary>"true" for a field with errors, for aria-invalid; null (no attribute) otherwise.</summary>
    public string? Invalid(string field) => ModelState[field]?.Errors.Count > 0 ? "true" : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await organisations.FindAsync(id, cancellationToken);
        if (organisation is null) return false;
        Organisation = organisation;
        Keys = await organisations.KeysOfAsync(id, cancellationToken);
        Deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.OrganisationId == id).OrderByDescending(d => d.Id)
            .Take(DeliveriesShown).ToListAsync(cancellationToken);
        return true;
    }
}
