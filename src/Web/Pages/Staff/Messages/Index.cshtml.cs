using System.Globalization;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.Http;
using BackOffice.Web.Identity;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.Pages.Staff.Messages;

/// <summary>
/// "Sent messages": with no SMTP server configured every message is an .eml file in <c>&lt;data directory&gt;/mail/</c>;
/// this page lists them newest first and shows one (text, and the HTML part in a sandboxed frame served with a
/// strict Content-Security-Policy, so nothing in a message can run or load). Only names the sender makes are opened.
/// Every view is audited.
/// </summary>
[Authorize(Policy = StaffPolicies.Clerk)]
public sealed class IndexModel(IEmailSender sender, IOptions<SmtpOptions> smtp, IAuditTrail audit, DepartmentClock clock) : PageModel
{
    public const int PageSize = 50;
    public const string ListAction = "ViewSentMessages";
    public const string ViewAction = "ViewSentMessage";
    /// <summary>The HTML part may style itself; it may not run scripts, load anything or be framed elsewhere.</summary>

    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    /// <summary>The file name of the message to show.</summary>
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }

    public string? SmtpHost { get; private set; }
    public IReadOnlyList<SentMessageSummary> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public SentMessageView? Message { get; private set; }
    public TimeZoneInfo Zone { get; } = clock.Zone;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Folder() is not { } folder)
        {
            SmtpHost = smtp.Value.Host;
            await audit.RecordAsync(ListAction, null, "SMTP", "no copies kept", CancellationToken.None);
            return Page();
        }

        if (Name is not null)
        {
            var message = folder.Open(Name);
            if (message is null)
            {
                await audit.RecordAsync(ViewAction, null, Name, "not found", CancellationToken.None);
                return NotFound();
            }

            Message = new SentMessageView(Name, message.Date, message.From.ToString(), message.To.ToString(), message.Subject ?? "",
                message.MessageId, message.TextBody, message.HtmlBody is not null);
            await audit.RecordAsync(ViewAction, null, Name, $"to {Message.To}: {Message.Subject}", CancellationToken.None);
            return Page();
        }

        PageNumber = Math.Max(1, PageNumber);
        (Items, Total) = folder.List(PageNumber, PageSize);
        await audit.RecordAsync(ListAction, null, $"page {PageNumber.ToString(CultureInfo.InvariantCulture)}", $"{Items.Count} of {Total} messages",
            CancellationToken.None);
        return Page();
    }

    /// <summary>The HTML part alone, for the sandboxed frame.</summary>
    public async Task<IActionResult> OnGetHtmlAsync()
    {
        if (Folder()?.Open(Name)?.HtmlBody is not { } html)
        {
            await audit.RecordAsync(ViewAction, null, Name, "HTML part not found", CancellationToken.None);
            return NotFound();
        }

        SecurityHeaderPolicies.Use(HttpContext, SecurityHeaderPolicies.SandboxedMessage);
        Response.MarkNoStore();
        await audit.RecordAsync(ViewAction, null, Name, "HTML part", CancellationToken.None);
        return Content(html, "text/html; charset=utf-8");
    }

    public string Local(DateTimeOffset at) =>
        clock.Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private MailFolder? Folder() => sender is PickupDirectoryEmailSender files ? new MailFolder(files.Directory) : null;
}

public sealed record SentMessageView(string Name, DateTimeOffset Date, string From, string To, string Subject, string? MessageId,
    string? TextBody, bool HasHtml);
