using System.Globalization;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Pages.Staff.Audit;

/// <summary>
/// The audit trail for supervisors: search by user name, tracking number, action and date range, newest first,
/// <see cref="PageSize"/> rows a page (keyset paging on the row id, which grows with every row written). Read-only:
/// there is no way to change or remove a row here (and <see cref="AuditImmutabilityInterceptor"/> refuses it anyway).
/// Every search is itself audited ("ViewAudit").
/// </summary>
public sealed class IndexModel(BackOfficeDbContext db, IAuditTrail audit, DepartmentClock clock) : PageModel
{
    public const int PageSize = 100;
    public const string AuditAction = "ViewAudit";

    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? TrackingNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    /// <summary>Show rows older than this row id (the next page).</summary>
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public long? NextBefore { get; private set; }
    public TimeZoneInfo Zone { get; } = clock.Zone;

    public async Task OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        Actions = await db.Audit.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancel);
        var query = db.Audit.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var name = UserName.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(); a culture argument cannot be
            query = query.Where(a => a.UserName.ToLower().Contains(name));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrWhiteSpace(TrackingNumber))
        {
            var normalized = Workflows.Requests.TrackingNumber.Normalize(TrackingNumber);
            var requestId = normalized is null ? (Guid?)null
                : await db.Requests.AsNoTracking().Where(r => r.TrackingNumber == normalized).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancel);
            if (requestId is null) ModelState.AddModelError(nameof(TrackingNumber), "No request has this tracking number. Check it and search again.");
            else query = query.Where(a => a.RequestId == requestId);
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            query = query.Where(a => a.Action == action);
        }

        var from = ReadDate(From, nameof(From), "Enter the first day as a date, for example 03/01/2026.");
        var to = ReadDate(To, nameof(To), "Enter the last day as a date, for example 03/31/2026.");
        if (from is not null && to is not null && from > to) ModelState.AddModelError(nameof(From), "The first day must be on or before the last day.");
        if (from is { } start)
        {
            var after = clock.StartOf(start);
            query = query.Where(a => a.At >= after);
        }

        if (to is { } end)
        {
            var until = clock.StartOf(end.AddDays(1));
            query = query.Where(a => a.At < until);
        }

        if (Before is { } before) query = query.Where(a => a.Id < before);

        if (ModelState.IsValid)
        {
            var entries = await query.OrderByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(cancel);
            if (entries.Count > PageSize)
            {
                entries.RemoveAt(PageSize);
                NextBefore = entries[^1].Id;
            }

            var ids = entries.Where(e => e.RequestId is not null).Select(e => e.RequestId!.Value).Distinct().ToList();
            var tracking = ids.Count == 0 ? []
                : await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.TrackingNumber, cancel);
            Rows = [.. entries.Select(e => new AuditRow(e, e.RequestId is { } id ? tracking.GetValueOrDefault(id) : null))];
        }

        await audit.RecordAsync(AuditAction, null, subject: Describe(), outcome: ModelState.IsValid ? $"{Rows.Count} rows" : "search refused",
            CancellationToken.None);
    }

    /// <summary>The query string of this search with another page.</summary>
    public Dictionary<string, string?> RouteFor(long? before) => new()
    {
        ["UserName"] = UserName, ["TrackingNumber"] = TrackingNumber, ["Action"] = Action, ["From"] = From, ["To"] = To,
        ["Before"] = before?.ToString(CultureInfo.InvariantCulture),
    };

    public string Local(DateTimeOffset at) =>
        clock.Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private DateOnly? ReadDate(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateInput.Parse(text) is { } date) return date;
        ModelState.AddModelError(field, message);
        return null;
    }

    private string Describe()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) parts.Add($"{name}={value.Trim()}");
        }

        Add("user", UserName);
        Add("tracking", TrackingNumber);
        Add("action", Action);
        Add("from", From);
        Add("to", To);
        Add("before", Before?.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "all" : string.Join("; ", parts);
    }
}

public sealed record AuditRow(AuditEntry Entry, string? TrackingNumber);
