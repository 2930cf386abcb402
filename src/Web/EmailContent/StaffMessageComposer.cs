using System.Globalization;
using BackOffice.Web.Identity;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.EmailContent;

/// <summary>
/// Messages to the department's staff mailbox, from the templates in <c>templates/messages/staff/</c>: a request's
/// tracking number, state, due date and assignee with a link to its staff page, never the patient's name or details
/// (those stay behind the sign-in).
/// </summary>
public sealed class StaffMessageComposer(BackOfficeDbContext db, StaffIdentityDbContext staff, MessageTemplates templates,
    MessageBasics basics, IOptions<NotificationOptions> options) : IStaffMessageComposer
{
    public const string DigestTemplate = "staff/DailyDigest";

    /// <summary>The lifecycle's <c>NotifyStaff:X</c> types.</summary>
    public static readonly IReadOnlyList<string> Types = ["DueWarning", "Overdue", "PickupCallNeeded", "PickupFollowUp", "PortalLinkExpired"];

    // RequestQueue's priority of a closed request.
    private const int ClosedPriority = 2;

    public async Task<ComposedMessage?> ComposeAsync(Guid requestId, string messageType, MessageFacts? facts = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        if (!Types.Contains(messageType, StringComparer.Ordinal))
            throw new ArgumentException($"There is no staff message '{messageType}'. Known: {string.Join(", ", Types)}.", nameof(messageType));
        if (Mailbox() is not { } to) return null;
        // Staff read English, whatever the process's own language.
        using var inEnglish = Localization.SiteLanguages.Use(Localization.SiteLanguages.English);

        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no request {requestId}.");
        // The facts of the event: the state, due date and assignee then, the due note counted from that day.
        var f = facts ?? MessageFacts.Of(request, basics.Clock.Now);
        var values = basics.Common(request.TrackingNumber)
            .Set("State", f.State)
            .Set("DueDate", MessageBasics.Written(f.EffectiveDueOn))
            .Set("DueNote", DueNote(f.EffectiveDueOn, basics.Clock.DayOf(f.At)))
            .Set("Assignee", await AssigneeNameAsync(f.AssigneeId, cancellationToken))
            .Set("RequestUrl", basics.Url($"/Staff/Requests/{request.Id}"));
        var rendered = templates.Render("staff/" + messageType, values);
        return new ComposedMessage(to, rendered.Subject, rendered.TextBody, rendered.HtmlBody);
    }

    public async Task<ComposedMessage?> ComposeDigestAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        if (Mailbox() is not { } to) return null;
        using var inEnglish = Localization.SiteLanguages.Use(Localization.SiteLanguages.English);
        var settings = options.Value;
        var dueBy = day.AddDays(settings.DigestDueWithinDays);
        var due = db.Requests.AsNoTracking()
            .Where(r => r.QueuePriority < ClosedPriority && (r.ExtendedDueOn ?? r.DueOn) <= dueBy);
        var total = await due.CountAsync(cancellationToken);
        if (total == 0) return null;
        var overdue = await due.CountAsync(r => (r.ExtendedDueOn ?? r.DueOn) < day, cancellationToken);
        var rows = await due.OrderBy(r => r.ExtendedDueOn ?? r.DueOn).ThenBy(r => r.TrackingNumber)
            .Take(settings.DigestMaxRows)
            .Select(r => new { r.Id, r.TrackingNumber, r.State, r.DueOn, r.ExtendedDueOn, r.AssigneeId })
            .ToListAsync(cancellationToken);
        var names = await StaffNamesAsync(rows.Select(r => r.AssigneeId), cancellationToken);

        var values = basics.Common("")
            .Set("DigestDate", MessageBasics.Written(day))
            .Set("DueBy", MessageBasics.Written(dueBy))
            .Set("DueWithinDays", settings.DigestDueWithinDays.ToString(CultureInfo.InvariantCulture))
            .Set("OverdueCount", overdue.ToString(CultureInfo.InvariantCulture))
            .Set("DueSoonCount", (total - overdue).ToString(CultureInfo.InvariantCulture))
            .Set("TotalCount", total.ToString(CultureInfo.InvariantCulture))
            .Set("ListedCount", rows.Count.ToString(CultureInfo.InvariantCulture))
            .Set("QueueUrl", basics.Url("/Staff/Requests"))
            .SetTable("Requests", ["Tracking number", "State", "Due date", "Days", "Assigned to"], rows.Select(r =>
            {
                var dueOn = r.ExtendedDueOn ?? r.DueOn;
                return new MessageTableRow(
                    [r.TrackingNumber, r.State, dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DueNote(dueOn, day), NameOf(r.AssigneeId, names)],
                    basics.Url($"/Staff/Requests/{r.Id}"));
            }));
        var rendered = templates.Render(DigestTemplate, values);
        return new ComposedMessage(to, rendered.Subject, rendered.TextBody, rendered.HtmlBody);
    }

    /// <summary>"due in 3 days", "due today", "2 days overdue".</summary>
    public static string DueNote(DateOnly dueOn, DateOnly today)
    {
        var days = dueOn.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "due today",
            1 => "due tomorrow",
            > 1 => $"due in {days} days",
            -1 => "1 day overdue",
            _ => $"{-days} days overdue",
        };
    }

    private string? Mailbox() => MessageBasics.Address(options.Value.StaffMailbox);

    private async Task<string> AssigneeNameAsync(string? assigneeId, CancellationToken cancellationToken) =>
        NameOf(assigneeId, await StaffNamesAsync([assigneeId], cancellationToken));

    private async Task<Dictionary<string, string>> StaffNamesAsync(IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await staff.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName, cancellationToken);
    }

    private static string NameOf(string? id, Dictionary<string, string> names) =>
        id is null ? "Unassigned" : names.GetValueOrDefault(id, id);
}
