using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Reporting;

/// <summary>
/// The supervisor's figures as of <see cref="AsOf"/>, over the whole weeks <see cref="From"/> (a Monday) to
/// <see cref="To"/> (today) in the department's time zone. Open figures are now; closed ones are within the period.
/// </summary>
public sealed record DashboardFigures(
    DateTimeOffset AsOf,
    DateOnly Today,
    int PeriodWeeks,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<StateCount> States,
    DueFigures Due,
    CompletionFigures Completion,
    FeeFigures Fees,
    IReadOnlyList<RequestChannel> Channels,
    IReadOnlyList<WeekFigures> Weeks,
    IReadOnlyList<string> InvoiceStates)
{
    public IEnumerable<StateCount> OpenStates => States.Where(s => !s.Closed);
    public IEnumerable<StateCount> ClosedStates => States.Where(s => s.Closed);
    public int ReceivedInPeriod => Weeks.Sum(w => w.ReceivedTotal);
    /// <summary>Open requests whose invoice is issued and not yet paid or waived.</summary>
    public int AwaitingPayment => OpenStates.Where(s => InvoiceStates.Contains(s.State)).Sum(s => s.Count);
}

/// <summary>Open states: requests in the state now. Closed states: requests that closed in it within the period.</summary>
public sealed record StateCount(string State, bool Closed, int Count);

/// <summary>Open requests only; a deadline extension counts (the extended due date is the one that binds).</summary>
public sealed record DueFigures(int Open, int Overdue, int DueThisWeek)
{
    /// <summary>"Due this week" is today and the six days after it.</summary>
    public const int WeekDays = 6;
}

/// <summary>
/// Requests that reached Completed within the period: calendar days from the received date to the day they completed.
/// <see cref="Late"/> counts those completed after their due date (30 days, or the extended due date).
/// </summary>
public sealed record CompletionFigures(int Count, double? MedianDays, int? Percentile90Days, int Late, int LimitDays)
{
    public int OnTime => Count - Late;
}

/// <summary>
/// <see cref="Invoiced"/>: the fee totals of invoices issued in the period (a request entering the state that
/// produces the invoice); <see cref="Collected"/>: payments recorded in the period, whenever their invoice was issued.
/// </summary>
public sealed record FeeFigures(decimal Invoiced, int Invoices, decimal Collected, int Payments);

/// <summary>One week, Monday to Sunday; the last week of the period ends today.</summary>
public sealed record WeekFigures(DateOnly Monday, IReadOnlyDictionary<RequestChannel, int> Received, decimal Invoiced, decimal Collected)
{
    public int ReceivedTotal => Received.Values.Sum();
    public DateOnly Sunday => Monday.AddDays(6);
}
