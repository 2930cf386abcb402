using System.Globalization;
using BackOffice.Web.Charts;
using BackOffice.Web.Identity;
using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Queue;
using BackOffice.Workflows.Reporting;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BackOffice.Web.Pages.Staff.Dashboard;

/// <summary>
/// The supervisor's dashboard: open work now, and what happened over the last few weeks (completion times against the
/// 30-day limit, fees, requests received). Totals only, no patient data; viewing it is still audited ("ViewDashboard").
/// </summary>
[Authorize(Policy = StaffPolicies.Supervisor)]
public sealed class IndexModel(DashboardQuery query, IAuditTrail audit, DepartmentClock clock) : PageModel
{
    public const string AuditAction = "ViewDashboard";

    /// <summary>The period in weeks: 4, 12, 26 or 52; anything else shows the default.</summary>
    [BindProperty(SupportsGet = true)] public int? Weeks { get; set; }

    public DashboardFigures Figures { get; private set; } = null!;
    public ChartPanel OpenStates { get; private set; } = null!;
    public ChartPanel ClosedStates { get; private set; } = null!;
    public ChartPanel Completion { get; private set; } = null!;
    public ChartPanel Fees { get; private set; } = null!;
    public ChartPanel Received { get; private set; } = null!;

    public static IReadOnlyList<int> WeekChoices => DashboardQuery.WeekChoices;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Weeks = DashboardQuery.NormalizeWeeks(Weeks);
        Figures = await query.RunAsync(Weeks.Value, cancellationToken);
        OpenStates = DashboardCharts.OpenStates(Figures);
        ClosedStates = DashboardCharts.ClosedStates(Figures);
        Completion = DashboardCharts.Completion(Figures);
        Fees = DashboardCharts.Fees(Figures);
        Received = DashboardCharts.Received(Figures);
        await audit.RecordAsync(AuditAction, null, subject: $"weeks={Weeks.Value}",
            outcome: $"{Figures.From:yyyy-MM-dd} to {Figures.To:yyyy-MM-dd}", CancellationToken.None);
    }

    /// <summary>"April 15, 2026 at 10:00 AM" in the department's time zone.</summary>
    public string AsOf() => clock.WrittenWithTime(Figures.AsOf) + $" ({clock.Zone.Id})";

    public static string OverdueLink => $"{DashboardCharts.Queue}?state={QueueFilter.OpenStates}&due={nameof(DueFilter.Overdue)}";

    public static string DueThisWeekLink =>
        $"{DashboardCharts.Queue}?state={QueueFilter.OpenStates}&due={nameof(DueFilter.DueSoon)}&days={DueFigures.WeekDays}";

    public static string OpenLink => $"{DashboardCharts.Queue}?state={QueueFilter.OpenStates}";

    public static string ReceivedLink => $"{DashboardCharts.Queue}?state={QueueFilter.AllStates}&sort={nameof(QueueSort.Received)}";

    public static string ChannelLink(Workflows.Requests.RequestChannel channel) =>
        $"{DashboardCharts.Queue}?state={QueueFilter.AllStates}&channel={channel}&sort={nameof(QueueSort.Received)}";

    /// <summary>The queue filtered to the invoice state; all open requests if a lifecycle ever has more than one.</summary>
    public string AwaitingPaymentLink => Figures.InvoiceStates.Count == 1 ? DashboardCharts.StateLink(Figures.InvoiceStates[0]) : OpenLink;

    public static string CompletedLink => DashboardCharts.StateLink(DashboardQuery.CompletedState);

    public static string Count(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-US"));

    public static string Money(decimal value) => ChartData.Format(value, ChartValueKind.Currency);
}
