using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Queue;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Reporting;

/// <summary>
/// The supervisor's dashboard figures. Each query filters on an indexed column or a narrow range (state/priority,
/// received date, close time, journal and payment time) and reads only the columns it needs; percentiles and weekly
/// buckets are worked out in memory, where both providers agree on time zones and rounding.
/// </summary>
public sealed class DashboardQuery(BackOfficeDbContext db, RequestQueue queue, DepartmentClock clock, DefinitionRegistry definitions)
{
    public const int DefaultWeeks = 12;
    public const string CompletedState = "Completed";
    /// <summary>The entry activity that issues the invoice; the state that runs it is where invoicing happens.</summary>
    public const string InvoiceActivity = "Produce:Invoice";
    private const int ClosedPriority = 2;

    public static IReadOnlyList<int> WeekChoices { get; } = [4, 12, 26, 52];


    /// <summary>A period length from the query string: one of <see cref="WeekChoices"/>, otherwise the default.</summary>
    public static int NormalizeWeeks(int? weeks) => weeks is { } w && WeekChoices.Contains(w) ? w : DefaultWeeks;

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public async Task<DashboardFigures> RunAsync(int weeks = DefaultWeeks, CancellationToken cancellationToken = default)
    {
        weeks = NormalizeWeeks(weeks);
        var now = clock.Now;
        var today = LocalDate(now);
        var from = MondayOf(today).AddDays(-7 * (weeks - 1));
        var window = new Window(clock.StartOf(from), clock.StartOf(today.AddDays(1)));

        // Open work now is the work queue's own count (uncached), so both screens agree on what "overdue" means.
        var current = await queue.CountUncachedAsync(DueFigures.WeekDays, cancellationToken);
        var states = await StatesAsync(current.OpenByState, window, cancellationToken);
        var due = new DueFigures(current.Open, current.Overdue, current.DueSoon);
        var completion = await CompletionAsync(window, cancellationToken);
        var invoiceStates = InvoiceStates();
        var invoices = await InvoicesAsync(invoiceStates, window, cancellationToken);
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.ReceivedAt >= window.Start && p.ReceivedAt < window.End)
            .Select(p => new Dated(p.ReceivedAt, p.Amount))
            .ToListAsync(cancellationToken);
        var received = await db.Requests.AsNoTracking()
            .Where(r => r.ReceivedOn >= from && r.ReceivedOn <= today)
            .GroupBy(r => new { r.ReceivedOn, r.Channel })
            .Select(g => new { g.Key.ReceivedOn, g.Key.Channel, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var channels = Enum.GetValues<RequestChannel>();
        var weekly = Enumerable.Range(0, weeks).Select(i => new WeekBucket(from.AddDays(7 * i), channels)).ToArray();
        foreach (var row in received) weekly[WeekIndex(from, row.ReceivedOn)].Received[row.Channel] += row.Count;
        foreach (var invoice in invoices) weekly[WeekIndex(from, LocalDate(invoice.At))].Invoiced += invoice.Amount;
        foreach (var payment in payments) weekly[WeekIndex(from, LocalDate(payment.At))].Collected += payment.Amount;

        var fees = new FeeFigures(invoices.Sum(i => i.Amount), invoices.Count, payments.Sum(p => p.Amount), payments.Count);
        return new DashboardFigures(now, today, weeks, from, today, states, due, completion, fees, channels,
            [.. weekly.Select(w => new WeekFigures(w.Monday, w.Received, w.Invoiced, w.Collected))], invoiceStates);
    }

    /// <summary>Open states now, in the lifecycle's order; closed states counted by when they closed.</summary>
    private async Task<IReadOnlyList<StateCount>> StatesAsync(IReadOnlyDictionary<string, int> open, Window window,
        CancellationToken cancellationToken)
    {
        var closed = await db.Requests.AsNoTracking()
            .Where(r => r.QueuePriority == ClosedPriority && r.ClosedAt >= window.Start && r.ClosedAt < window.End)
            .GroupBy(r => r.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, StringComparer.Ordinal, cancellationToken);

        var lifecycle = definitions.Latest(LifecycleEngine.RecordsRequestLifecycle).States;
        // States only an older definition version has still hold requests pinned to it: listed after the current ones.
        IEnumerable<StateCount> Ordered(IReadOnlyDictionary<string, int> counts, bool final) =>
            lifecycle.Where(s => s.Final == final).Select(s => s.Name)
                .Concat(counts.Keys.Where(k => !lifecycle.Any(s => s.Name == k)).Order(StringComparer.Ordinal))
                .Select(name => new StateCount(name, final, counts.GetValueOrDefault(name)));
        return [.. Ordered(open, final: false), .. Ordered(closed, final: true)];
    }

    private async Task<CompletionFigures> CompletionAsync(Window window, CancellationToken cancellationToken)
    {
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.State == CompletedState && r.ClosedAt >= window.Start && r.ClosedAt < window.End)
            .Select(r => new { r.ReceivedOn, r.EffectiveDueOn, r.ClosedAt })
            .ToListAsync(cancellationToken);
        var days = new List<int>(rows.Count);
        var late = 0;
        foreach (var row in rows)
        {
            var completedOn = LocalDate(row.ClosedAt!.Value);
            days.Add(completedOn.DayNumber - row.ReceivedOn.DayNumber);
            if (completedOn > row.EffectiveDueOn) late++;
        }

        days.Sort();
        return new CompletionFigures(days.Count, Percentiles.Median(days), Percentiles.NearestRank(days, 90), late,
            RecordsRequest.StandardResponseDays);
    }

    /// <summary>
    /// An invoice is issued when a request enters a state whose entry produces it (AwaitingPayment); the journal
    /// records when. The fee total does not change after that (pages are counted before review).
    /// </summary>
    private async Task<List<Dated>> InvoicesAsync(List<string> invoiceStates, Window window, CancellationToken cancellationToken)
    {
        // Entering the state, not an internal step inside it (a payment or reminder journals from = to).
        return await (
            from j in db.Journal.AsNoTracking()
            where invoiceStates.Contains(j.ToState) && j.FromState != j.ToState
                && j.OccurredAt >= window.Start && j.OccurredAt < window.End
            join r in db.Requests.AsNoTracking() on j.RequestId equals r.Id
            select new Dated(j.OccurredAt, r.FeeTotal ?? 0m))
            .ToListAsync(cancellationToken);
    }

    /// <summary>States (of any definition version) whose entry issues the invoice.</summary>
    private List<string> InvoiceStates() => definitions.All
        .Where(d => d.Name == LifecycleEngine.RecordsRequestLifecycle)
        .SelectMany(d => d.States)
        .Where(s => s.Entry.Contains(InvoiceActivity))
        .Select(s => s.Name)
        .Distinct()
        .ToList();

    private DateOnly LocalDate(DateTimeOffset at) => clock.DayOf(at);

    private static int WeekIndex(DateOnly from, DateOnly day) => (day.DayNumber - from.DayNumber) / 7;

    /// <summary>The period as the instants that bound it: midnight in the department's zone, the end exclusive.</summary>
    private sealed record Window(DateTimeOffset Start, DateTimeOffset End);

    private sealed record Dated(DateTimeOffset At, decimal Amount);

    private sealed class WeekBucket(DateOnly monday, IEnumerable<RequestChannel> channels)
    {
        public DateOnly Monday { get; } = monday;
        public Dictionary<RequestChannel, int> Received { get; } = channels.ToDictionary(c => c, _ => 0);
        public decimal Invoiced { get; set; }
        public decimal Collected { get; set; }
    }
}
