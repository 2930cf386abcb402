using BackOffice.Web.Identity;
using BackOffice.Web.Labels;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Queue;
using BackOffice.Workflows.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>
/// The work queue (Clerk policy, page convention on /Staff/Requests). Every filter is a query-string value, so a
/// filtered view can be bookmarked and "Next page" is a plain link carrying the keyset cursor.
/// </summary>
public sealed class IndexModel(RequestQueue queue, DefinitionRegistry definitions,
    StaffIdentityDbContext staff, IAuditTrail audit) : PageModel
{
    public const string AnyoneValue = "anyone";
    public const string MeValue = "me";
    public const string UnassignedValue = "unassigned";

    [BindProperty(SupportsGet = true)] public string State { get; set; } = QueueFilter.OpenStates;
    [BindProperty(SupportsGet = true)] public DueFilter Due { get; set; }
    [BindProperty(SupportsGet = true)] public int Days { get; set; } = QueueFilter.DefaultDueWithinDays;
    [BindProperty(SupportsGet = true)] public RequestChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public DeliveryMethod? Delivery { get; set; }
    [BindProperty(SupportsGet = true)] public RequesterType? Requester { get; set; }
    /// <summary>"anyone", "me", "unassigned" or a staff account id.</summary>
    [BindProperty(SupportsGet = true)] public string Assignee { get; set; } = AnyoneValue;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public QueueSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public QueuePage Results { get; private set; } = new([], null, default, null);
    public QueueCounts Counts { get; private set; } = null!;
    public IReadOnlyList<string> OpenStates { get; private set; } = [];
    public IReadOnlyList<string> ClosedStates { get; private set; } = [];
    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Bad query-string values fall back to the defaults rather than failing the page.
        Days = Math.Clamp(Days, 0, 365);
        var states = definitions.Latest(LifecycleEngine.RecordsRequestLifecycle).States;
        OpenStates = states.Where(s => !s.Final).Select(s => s.Name).ToList();
        ClosedStates = states.Where(s => s.Final).Select(s => s.Name).ToList();
        if (!IsKnownState(State)) State = QueueFilter.OpenStates;

        StaffNames = await staff.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName,
                cancellationToken);
        Results = await queue.PageAsync(ToFilter(), cancellationToken);
        Counts = await queue.CountsAsync(Days, cancellationToken);
        // Which requests a clerk looked at through the queue is not per request; opening one is audited by its page.
        await audit.RecordAsync("ViewQueue", null, Request.QueryString.Value, $"{Results.Rows.Count} rows", cancellationToken);
    }

    /// <summary>An enum filter's options: the value posted is the identifier, the text its words.</summary>
    public static IEnumerable<SelectListItem> Choices<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(value => new SelectListItem(PlainWords.Of(value), value.ToString()));

    public string AssigneeName(string? id) =>
        id is null ? "Unassigned" : StaffNames.TryGetValue(id, out var name) ? name : id;

    /// <summary>The current filters with some values changed: for "Next page", counts links and sort links.</summary>
    private Dictionary<string, string?> RouteWith(params (string Key, string? Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["state"] = State, ["due"] = Due.ToString(), ["days"] = Days.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["channel"] = Channel?.ToString(), ["delivery"] = Delivery?.ToString(), ["requester"] = Requester?.ToString(),
            ["assignee"] = Assignee, ["q"] = Q, ["sort"] = Sort.ToString(),
        };
        foreach (var (key, value) in changes) values[key] = value;
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value);
    }

    public Dictionary<string, string?> OverdueRoute => RouteWith(("state", QueueFilter.OpenStates), ("due", nameof(DueFilter.Overdue)));
    public Dictionary<string, string?> DueSoonRoute => RouteWith(("state", QueueFilter.OpenStates), ("due", nameof(DueFilter.DueSoon)));
    public Dictionary<string, string?> NextRoute => RouteWith(("cursor", Results.NextCursor));
    public Dictionary<string, string?> FirstPageRoute => RouteWith();

    private bool IsKnownState(string? state) =>
        state is QueueFilter.OpenStates or QueueFilter.ClosedStates or QueueFilter.AllStates
        || OpenStates.Contains(state ?? "") || ClosedStates.Contains(state ?? "");

    private QueueFilter ToFilter()
    {
        var (scope, id) = Assignee switch
        {
            MeValue => (AssigneeFilter.Me, User.ToActor().Id),
            UnassignedValue => (AssigneeFilter.Unassigned, (string?)null),
            AnyoneValue or "" or null => (AssigneeFilter.Anyone, null),
            var user => (AssigneeFilter.User, user),
        };
        return new QueueFilter
        {
            State = State, Due = Due, DueWithinDays = Days, Channel = Channel, Delivery = Delivery, RequesterType = Requester,
            Assignee = scope, AssigneeId = id, Search = Q, Sort = Sort, Cursor = Cursor,
        };
    }
}
