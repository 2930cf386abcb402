using BackOffice.Web.Http;
using BackOffice.Web.Documents;
using BackOffice.Web.Identity;
using BackOffice.Web.Labels;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>
/// One request as staff work it: everything it holds, the rule results, the journal, messages, documents and notes,
/// and the actions the lifecycle permits now (with the reasons for those it does not). The page only maps form inputs
/// to <see cref="TriggerArgs"/> and shows results; every rule lives in the domain and the lifecycle engine.
/// Every view is audited ("ViewRequest"), every action ("Action:{trigger}") and every document view ("ViewDocument").
/// </summary>
[Authorize(Policy = StaffPolicies.Clerk)]
[UploadLimits(Files = 1)]
public sealed partial class DetailsModel(
    BackOfficeDbContext db,
    LifecycleEngine engine,
    IAuditTrail audit,
    DocumentStore documents,
    UserManager<StaffUser> users,
    DefinitionRegistry definitions,
    DepartmentClock clock,
    Site.LocalizedSite sites) : PageModel
{
    public RecordsRequest Item { get; private set; } = null!;
    public IReadOnlyList<DetailsAction> Permitted { get; private set; } = [];
    public IReadOnlyList<ActionAvailability> NotPossible { get; private set; } = [];
    public IReadOnlyList<JournalEntry> Journal { get; private set; } = [];
    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];
    public IReadOnlyList<DetailsChoice> Staff { get; private set; } = [];

    /// <summary>The request's phases for the step indicator at the top of the page.</summary>
    public IReadOnlyList<DetailsStep> Steps { get; private set; } = [];

    /// <summary>The permitted action that moves the request on, when there is one; it is listed first.</summary>
    public DetailsAction? NextAction { get; private set; }

    /// <summary>Completed, redirected, denied or cancelled: nothing is added to it any more.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The trigger whose form was posted and refused: its form is shown open with what was typed.</summary>
    public string? OpenTrigger { get; private set; }
    public IReadOnlyDictionary<string, string?> Posted { get; private set; } = new Dictionary<string, string?>();
    /// <summary>Why the lifecycle refused the posted action, when it did.</summary>
    public IReadOnlyList<string> RefusalReasons { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        await audit.RecordAsync("ViewRequest", id, cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>Streams a document of this request for viewing in the browser (never as a download of active content).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Id == documentId && d.RequestId == id, cancellationToken);
        var stream = document is null ? null : documents.TryOpenRead(document.StorageKey);
        await audit.RecordAsync("ViewDocument", id, documentId.ToString(), stream is null ? "not found" : "done", cancellationToken);
        if (document is null || stream is null) return NotFound();

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(document.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.MarkNoStore();
        return File(stream, DetailsFormat.SafeContentType(document.ContentType));
    }

    /// <summary>"true" for a field with errors, for aria-invalid; null (no attribute) otherwise.</summary>
    public string? Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "true" : null;

    public string? ErrorFor(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string WhenText(DateTimeOffset instant) => clock.WrittenWithTime(instant);

    /// <summary>An input kept in the journal, in words: the person for an assignee, the local time for a pickup.</summary>
    public string InputText(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Equals("assignee", StringComparison.OrdinalIgnoreCase)) return StaffName(value);
        if (name.Equals("pickupAt", StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at))
            return WhenText(at);
        return PlainWords.InputValue(name, value);
    }

    public string StaffName(string? userIdOrName) =>
        userIdOrName is null ? "nobody" : Staff.FirstOrDefault(s => s.Value == userIdOrName)?.Text ?? userIdOrName;

    /// <summary>Reads the request and everything shown with it, untracked, so a refused action leaves nothing behind.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var request = await db.Requests.AsNoTracking()
            .Include(r => r.Documents).Include(r => r.Notes).Include(r => r.Payments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null) return false;
        Item = request;
        Journal = await db.Journal.AsNoTracking().Where(j => j.RequestId == id).OrderBy(j => j.Sequence).ToListAsync(cancellationToken);
        Messages = await db.Outbox.AsNoTracking()
            .Where(m => m.RequestId == id && m.Kind == OutboxKind.RequesterMessage)
            .OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        Incidents = await Jobs.OutboxIncidents.Open(db.Outbox.AsNoTracking()).Where(m => m.RequestId == id)
            .OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
        // A handful of accounts: filtered here, because SQLite cannot compare the lockout end in a query.
        Staff = [.. (await users.Users.AsNoTracking().ToListAsync(cancellationToken))
            .Where(u => !u.IsDisabled && u.UserName is not null)
            .OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase)
            .Select(u => new DetailsChoice(u.UserName!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName! : $"{u.DisplayName} ({u.UserName})"))];

        var definition = definitions.Get(request.DefinitionName, request.DefinitionVersion);
        IsClosed = definition.IsFinal(request.State);
        Steps = DetailsSteps.For(definition, request, Journal);
        var actions = engine.GetActions(request, User.ToActor());
        Permitted = LifecyclePhases.NextFirst(
            actions.Where(a => a.Permitted).Select(a => new DetailsAction(a, DetailsActionInputs.For(a.Trigger, request))), a => a.Trigger);
        NextAction = Permitted.Count > 0 && LifecyclePhases.IsForward(Permitted[0].Trigger) ? Permitted[0] : null;
        NotPossible = [.. actions.Where(a => !a.Permitted)];
        return true;
    }
}
