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
