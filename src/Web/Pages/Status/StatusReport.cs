using BackOffice.Web.Localization;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BackOffice.Web.Pages.Status;

/// <summary>What the status page shows about one request: only what the requester may know, in plain words, in the
/// page's language (dates, the timeline and headline, the rules' words for what is missing and where to ask).</summary>
public sealed class StatusReport
{
    public Guid RequestId { get; private init; }
    public string TrackingNumber { get; private init; } = "";
    public string State { get; private init; } = "";
    public string Headline { get; private init; } = "";
    public NextStep Next => StatusWording.Next(State);
    public IReadOnlyList<TimelineItem> Timeline { get; private init; } = [];
    public string DueOn { get; private init; } = "";
    public string? OriginalDueOn { get; private init; }
    public string? ExtensionReason { get; private init; }
    public bool Closed { get; private init; }
    public IReadOnlyList<string> MissingItems { get; private init; } = [];
    public InvoiceView? Invoice { get; private init; }
    public DeliveryMethod Delivery { get; private init; }
    public string? RedirectTo { get; private init; }
    public string? PickupAt { get; private init; }
    /// <summary>The records will go as a file locked with the requester's passphrase, which they may give up for a secure link.</summary>
    public bool PassphraseKept { get; private init; }

    public static async Task<StatusReport?> LoadAsync(BackOfficeDbContext db, DepartmentClock clock, IStringLocalizer<StatusText> words,
        RuleWords rules, Guid requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(rules);
        var request = await db.Requests.AsNoTracking().Include(r => r.Payments).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null) return null;
        var journal = await db.Journal.AsNoTracking().Where(j => j.RequestId == requestId).OrderBy(j => j.Sequence)
            .Select(j => new { j.OccurredAt, j.Trigger, j.ToState }).ToListAsync(cancellationToken);

        var timeline = journal
            .Select(j => (j.OccurredAt, Key: StatusWording.TimelineKey(j.Trigger, j.ToState)))
            .Where(j => j.Key is not null)
            .Select(j => new TimelineItem(clock.Written(j.OccurredAt), words[j.Key!]))
            .ToList();
        var invoiced = journal.FirstOrDefault(j => j.ToState == "AwaitingPayment");
        return new StatusReport
        {
            RequestId = request.Id,
            TrackingNumber = request.TrackingNumber,
            State = request.State,
            Headline = words[StatusWording.HeadlineKey(request.State)],
            Timeline = timeline,
            DueOn = DateText.Written(request.EffectiveDueOn),
            OriginalDueOn = request.ExtendedDueOn is null ? null : DateText.Written(request.DueOn),
            ExtensionReason = request.ExtendedDueOn is null ? null : request.ExtensionReason,
            Closed = request.ClosedAt is not null,
            MissingItems = request.State == "NeedsInformation" ? [.. request.MissingElements.Select(rules.Text)] : [],
            Invoice = request.FeeTotal is > 0m
                ? new InvoiceView(request.TrackingNumber, invoiced is null ? null : clock.Written(invoiced.OccurredAt), request.FeeLines,
                    request.FeeTotal.Value, request.AmountPaid, request.BalanceDue, request.FeeWaivedReason is not null)
                : null,
            Delivery = request.Delivery,
            RedirectTo = request.State == "Redirected" && request.RedirectTo is { } where ? rules.Text(where) : null,
            PickupAt = request.State == "PickupScheduled" && request.PickupAt is { } at ? clock.WrittenWithTime(at) : null,
            PassphraseKept = request.ProtectedEmailPassphrase is not null && request.ClosedAt is null,
        };
    }
}
