using System.Globalization;
using BackOffice.Web.Charts;
using BackOffice.Web.Labels;
using BackOffice.Workflows.Queue;
using BackOffice.Workflows.Reporting;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Pages.Staff.Dashboard;

/// <summary>
/// A chart as SVG with its data table; the table's rows may carry longer labels and links to the work queue, a total
/// per row (parts of a whole) and a total per column (quantities that add up).
/// </summary>
public sealed record ChartPanel(ChartData Data, string Svg, IReadOnlyList<string> RowLabels, IReadOnlyList<string?> RowLinks,
    bool RowTotals = false, bool ColumnTotals = true);

/// <summary>Turns the dashboard figures into charts. Queue links use the work queue's own query-string names.</summary>
public static class DashboardCharts
{
    public const string Queue = "/Staff/Requests";
    private static readonly CultureInfo UsEnglish = CultureInfo.GetCultureInfo("en-US");

    public static string StateLink(string state) => $"{Queue}?state={Uri.EscapeDataString(state)}";

    public static ChartPanel OpenStates(DashboardFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return States(figures.OpenStates.ToList(), "open-states", "Open requests by state",
            $"Requests open now in each step of the lifecycle, {figures.Due.Open} in all.");
    }

    public static ChartPanel ClosedStates(DashboardFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var closed = figures.ClosedStates.ToList();
        return States(closed, "closed-states", "Closed in the period by outcome",
            $"Requests closed from {Day(figures.From)} to {Day(figures.To)}, {closed.Sum(s => s.Count)} in all.");
    }

    public static ChartPanel Completion(DashboardFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var c = figures.Completion;
        var data = new ChartData("completion", "Days to complete against the 30-day limit",
            $"{Plural(c.Count, "request", "requests")} completed in the period: median {Days(c.MedianDays)}, 90th percentile {Days(c.Percentile90Days)}; "
            + $"{c.Late} completed after their due date.",
            "Measure", ["Median", "90th percentile"],
            [new ChartSeries("Days", [(decimal)(c.MedianDays ?? 0), c.Percentile90Days ?? 0])], ChartValueKind.Days);
        var svg = SvgBulletChart.Render(data, c.LimitDays, $"{c.LimitDays}-day limit");
        return new ChartPanel(data, svg, data.Categories, [null, null], ColumnTotals: false);
    }

    public static ChartPanel Received(DashboardFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var data = new ChartData("received", "Requests received per week by channel",
            $"{Plural(figures.ReceivedInPeriod, "request", "requests")} received in {figures.PeriodWeeks} weeks, weeks starting on Monday.",
            "Week starting", Weeks(figures),
            [.. figures.Channels.Select(c => new ChartSeries(PlainWords.Of(c), [.. figures.Weeks.Select(w => (decimal)w.Received[c])]))]);
        return new ChartPanel(data, SvgColumnChart.Render(data, ColumnLayout.Stacked), WeekRows(figures), [.. figures.Weeks.Select(_ => (string?)null)],
            RowTotals: figures.Channels.Count > 1);
    }

    public static ChartPanel Fees(DashboardFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var data = new ChartData("fees", "Fees invoiced and collected per week",
            $"{ChartData.Format(figures.Fees.Invoiced, ChartValueKind.Currency)} invoiced and "
            + $"{ChartData.Format(figures.Fees.Collected, ChartValueKind.Currency)} collected in {figures.PeriodWeeks} weeks.",
            "Week starting", Weeks(figures),
            [
                new ChartSeries("Invoiced", [.. figures.Weeks.Select(w => w.Invoiced)]),
                new ChartSeries("Collected", [.. figures.Weeks.Select(w => w.Collected)]),
            ],
            ChartValueKind.Currency);
        return new ChartPanel(data, SvgColumnChart.Render(data, ColumnLayout.Grouped), WeekRows(figures), [.. figures.Weeks.Select(_ => (string?)null)]);
    }

    /// <summary>"1 request", "2 requests", "1,204 requests".</summary>
    public static string Plural(int count, string one, string many) =>
        count.ToString("N0", UsEnglish) + " " + (count == 1 ? one : many);

    public static string Day(DateOnly day) => DateText.Written(day);

    public static string Days(double? days) => days is { } d ? ChartData.Format((decimal)d, ChartValueKind.Days) : "–";

    private static ChartPanel States(IReadOnlyList<StateCount> states, string id, string title, string description)
    {
        var labels = states.Select(s => PlainWords.State(s.State)).ToList();
        var data = new ChartData(id, title, description, "State", labels,
            [new ChartSeries("Requests", [.. states.Select(s => (decimal)s.Count)])]);
        return new ChartPanel(data, SvgBarChart.Render(data), labels, [.. states.Select(s => (string?)StateLink(s.State))]);
    }

    /// <summary>Short week labels for the axis ("Mar 23"); the table has the full date.</summary>
    private static List<string> Weeks(DashboardFigures figures) =>
        [.. figures.Weeks.Select(w => DateText.MonthDay(w.Monday))];

    private static List<string> WeekRows(DashboardFigures figures) =>
        [.. figures.Weeks.Select(w => DateText.Iso(w.Monday))];
}
