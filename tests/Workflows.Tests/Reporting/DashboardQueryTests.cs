using System.Globalization;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Reporting;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Tests.Support;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Reporting;

/// <summary>
/// The supervisor's figures over requests driven through the real engine on a real database. Every scenario runs
/// forward in time from the harness start (Monday 2 March 2026) to "today", Wednesday 15 April 2026, 10:00 in Chicago
/// (daylight time, UTC−5): the default 4-week test period is the weeks starting 23 March, 30 March, 6 April and
/// 13 April. "Sunday 23:30 in Chicago" is already Monday in UTC, which is where a time-zone mistake would show.
/// </summary>
public abstract class DashboardQueryTests : EngineTestsBase
{
    private static readonly DateOnly Today = new(2026, 4, 15);
    private static readonly DateTimeOffset TodayTenAm = new(2026, 4, 15, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly[] Mondays = [new(2026, 3, 23), new(2026, 3, 30), new(2026, 4, 6), new(2026, 4, 13)];

    /// <summary>The given day at 23:30 in Chicago (daylight time after 8 March 2026).</summary>
    private static DateTimeOffset LateEvening(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 30)), TimeSpan.FromHours(-5)).ToUniversalTime();

    private Task<DashboardFigures> RunAsync(int weeks = 4) =>
        Harness.InScopeAsync(sp => sp.GetRequiredService<DashboardQuery>().RunAsync(weeks));

    private void At(DateTimeOffset instant) => Harness.Time.SetUtcNow(instant);

    private Task<RecordsRequest> ReceiveAsync(DateOnly receivedOn, RequestChannel channel = RequestChannel.Online) =>
        Harness.StartAsync(new RequestDraftBuilder().With(d => d with
        {
            Channel = channel,
            Signature = d.Signature with { SignedOn = receivedOn.AddDays(-1) },
        }).Build(), receivedOn);

    private Task<FireResult> FireAsync(Guid id, string trigger, params (string Key, string? Value)[] args) =>
        Harness.FireAsync(id, trigger, Staff.Clerk, TriggerArgs.Of(args));

    /// <summary>Verified, pages counted (fee = pages × price + postage), compiled; approval is left to the caller.</summary>
    private async Task CompileAsync(Guid id, int pages, decimal postage = 0m)
    {
        await FireAsync(id, "Verify", ("identityChecked", "true"));
        await FireAsync(id, "StartFulfillment");
        await FireAsync(id, "RecordPages", ("contentsChecked", "true"), ("paper", pages.ToString(CultureInfo.InvariantCulture)),
            ("postage", postage.ToString(CultureInfo.InvariantCulture)));
        await FireAsync(id, "SubmitForReview");
    }

    private Task<FireResult> ApproveAsync(Guid id) => Harness.FireAsync(id, "Approve", Staff.SecondClerk);

    /// <summary>A free request mailed now; the engine completes it at once, so it closes at the current time.</summary>
    private async Task CompleteFreeAsync(Guid id)
    {
        Harness.Rules.PricePerPage = 0m;
        await CompileAsync(id, pages: 3);
        (await ApproveAsync(id)).ToState.ShouldBe("ReadyForRelease");
        (await FireAsync(id, "Mail")).ToState.ShouldBe(DashboardQuery.CompletedState);
    }

    private Task<FireResult> ExtendAsync(Guid id, int days) => FireAsync(id, "ExtendDeadline",
        ("days", days.ToString(CultureInfo.InvariantCulture)), ("reason", "Records are stored off site."));

    private Task<FireResult> PayAsync(Guid id, decimal amount) => FireAsync(id, "RecordPayment",
        ("method", "CreditCardByPhone"), ("amount", amount.ToString(CultureInfo.InvariantCulture)));

    [Fact]
    public async Task States_OpenNowInLifecycleOrder_ClosedCountedWithinThePeriod_AndDueFiguresUseTheExtendedDate()
    {
        await ReceiveAsync(Today);                              // due 15 May
        await ReceiveAsync(new DateOnly(2026, 3, 10));        // due 9 April
        var extended = await ReceiveAsync(new DateOnly(2026, 3, 10));       // due 9 April, extended to 19 April
        await ExtendAsync(extended.Id, 10);
        var dueToday = await ReceiveAsync(new DateOnly(2026, 3, 16));       // due 15 April
        await ReceiveAsync(new DateOnly(2026, 3, 22));       // due 21 April: the last day of "this week"
        await ReceiveAsync(new DateOnly(2026, 3, 23));     // due 22 April: next week
        var onHold = await ReceiveAsync(Today);
        await FireAsync(onHold.Id, "RequestInformation", ("missing", "The date the form was signed"));
        var cancelledBefore = await ReceiveAsync(new DateOnly(2026, 3, 2));
        var cancelledWithin = await ReceiveAsync(new DateOnly(2026, 3, 2));
        var deniedWithin = await ReceiveAsync(new DateOnly(2026, 3, 2));

        At(LateEvening(new DateOnly(2026, 3, 22)));                         // Sunday before the period, Monday in UTC
        await FireAsync(cancelledBefore.Id, "Cancel", ("reason", "Withdrawn"));
        At(new DateTimeOffset(2026, 3, 23, 5, 0, 0, TimeSpan.Zero));        // the period's first instant: midnight in Chicago
        await FireAsync(cancelledWithin.Id, "Cancel", ("reason", "Withdrawn"));
        At(new DateTimeOffset(2026, 4, 1, 15, 0, 0, TimeSpan.Zero));
        await FireAsync(deniedWithin.Id, "Deny", ("basis", "Not the patient's records"));
        At(TodayTenAm);
        await FireAsync(dueToday.Id, "Verify", ("identityChecked", "true"));

        var figures = await RunAsync();

        var lifecycle = await Harness.InScopeAsync(sp => Task.FromResult(
            sp.GetRequiredService<DefinitionRegistry>().Latest(LifecycleEngine.RecordsRequestLifecycle)));
        figures.States.Select(s => s.State).ShouldBe(
            [.. lifecycle.States.Where(s => !s.Final).Select(s => s.Name), .. lifecycle.States.Where(s => s.Final).Select(s => s.Name)]);
        figures.States.ShouldAllBe(s => s.Closed == lifecycle.IsFinal(s.State));
        Count(figures, "Received").ShouldBe(5);
        Count(figures, "NeedsInformation").ShouldBe(1);
        Count(figures, "Verified").ShouldBe(1);
        Count(figures, "InFulfillment").ShouldBe(0);
        Count(figures, "Cancelled").ShouldBe(1);
        Count(figures, "Denied").ShouldBe(1);
        Count(figures, "Completed").ShouldBe(0);
        figures.Due.ShouldBe(new DueFigures(Open: 7, Overdue: 1, DueThisWeek: 3));
    }

    [Fact]
    public async Task Completion_MedianAndNinetiethPercentile_InCalendarDays_CountingLateAgainstTheExtendedDueDate()
    {
        // Completed today after 2, 5, 8, 10, 12, 15, 20, 33 (extended by 10 days: on time) and 40 days (late) ...
        int[] daysToday = [2, 5, 8, 10, 12, 15, 20, 33, 40];
        var requests = new List<RecordsRequest>();
        foreach (var days in daysToday) requests.Add(await ReceiveAsync(Today.AddDays(-days)));
        await ExtendAsync(requests[7].Id, 10);
        // ... and one received 15 March (due 14 April) completed at 23:30 on 14 April in Chicago: 30 days, on time,
        // though it is already 15 April in UTC.
        var edge = await ReceiveAsync(new DateOnly(2026, 3, 15));
        // Completed before the period (Sunday 22 March, 23:30 in Chicago): not counted.
        var before = await ReceiveAsync(new DateOnly(2026, 3, 2));
        var cancelled = await ReceiveAsync(new DateOnly(2026, 3, 2));

        At(LateEvening(new DateOnly(2026, 3, 22)));
        await CompleteFreeAsync(before.Id);
        At(LateEvening(new DateOnly(2026, 4, 14)));
        await CompleteFreeAsync(edge.Id);
        At(TodayTenAm);
        foreach (var request in requests) await CompleteFreeAsync(request.Id);
        await FireAsync(cancelled.Id, "Cancel", ("reason", "Withdrawn"));

        var completion = (await RunAsync()).Completion;

        // Sorted: 2 5 8 10 12 | 15 20 30 33 40 → median (12 + 15) / 2; 90th percentile is the 9th of 10 values.
        completion.ShouldBe(new CompletionFigures(Count: 10, MedianDays: 13.5, Percentile90Days: 33, Late: 1, LimitDays: 30));
        completion.OnTime.ShouldBe(9);
        Count(await RunAsync(), "Completed").ShouldBe(10);
    }

    [Fact]
    public async Task Fees_InvoicedWhenTheInvoiceIsIssued_CollectedWhenPaid_BucketedByChicagoWeek()
    {
        Harness.Rules.PricePerPage = 1.00m;
        var early = await ReceiveAsync(new DateOnly(2026, 3, 2));   // invoiced before the period, paid within it
        var main = await ReceiveAsync(new DateOnly(2026, 3, 2));    // invoiced in week 1, paid in weeks 3 and 4
        var late = await ReceiveAsync(new DateOnly(2026, 3, 2));    // invoiced at the first instant of week 4, unpaid
        await CompileAsync(early.Id, pages: 10);
        await CompileAsync(main.Id, pages: 25, postage: 2.50m);
        await CompileAsync(late.Id, pages: 5);

        At(LateEvening(new DateOnly(2026, 3, 22)));
        (await ApproveAsync(early.Id)).ToState.ShouldBe("AwaitingPayment");
        At(new DateTimeOffset(2026, 3, 24, 15, 0, 0, TimeSpan.Zero));
        await ApproveAsync(main.Id);
        At(new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero));
        await PayAsync(early.Id, 10.00m);
        At(LateEvening(new DateOnly(2026, 4, 12)));                 // Sunday of week 3 in Chicago, Monday in UTC
        await PayAsync(main.Id, 7.50m);
        At(new DateTimeOffset(2026, 4, 13, 5, 0, 0, TimeSpan.Zero)); // Monday of week 4, midnight in Chicago
        await ApproveAsync(late.Id);
        At(TodayTenAm);
        (await PayAsync(main.Id, 20.00m)).ToState.ShouldBe("ReadyForRelease");

        var figures = await RunAsync();

        figures.Fees.ShouldBe(new FeeFigures(Invoiced: 32.50m, Invoices: 2, Collected: 37.50m, Payments: 3));
        figures.Weeks.Select(w => w.Monday).ShouldBe(Mondays);
        figures.Weeks.Select(w => w.Invoiced).ShouldBe([27.50m, 0m, 0m, 5.00m]);
        figures.Weeks.Select(w => w.Collected).ShouldBe([0m, 10.00m, 7.50m, 20.00m]);
    }

    [Fact]
    public async Task Received_PerWeekByChannel_WeeksStartOnMonday_AndALateEveningIntakeKeepsItsChicagoDate()
    {
        await ReceiveAsync(new DateOnly(2026, 3, 22));                       // Sunday before the period
        await ReceiveAsync(new DateOnly(2026, 3, 23), RequestChannel.Paper); // Monday, week 1
        await ReceiveAsync(new DateOnly(2026, 3, 29));                       // Sunday, week 1
        await ReceiveAsync(new DateOnly(2026, 3, 30));                       // Monday, week 2
        // A paper form keyed in at 23:30 on Sunday 12 April in Chicago: the engine's received date is the local day.
        At(LateEvening(new DateOnly(2026, 4, 12)));
        var sunday = await Harness.InScopeAsync(sp => sp.GetRequiredService<LifecycleEngine>().StartAsync(
            new RequestDraftBuilder().With(d => d with { Channel = RequestChannel.Paper }).Build(),
            sp.GetRequiredService<DepartmentClock>().Today, Staff.Clerk));
        At(TodayTenAm);
        await ReceiveAsync(Today);
        await ReceiveAsync(Today, RequestChannel.Paper);

        var figures = await RunAsync();

        sunday.ReceivedOn.ShouldBe(new DateOnly(2026, 4, 12));
        figures.Channels.ShouldBe([RequestChannel.Online, RequestChannel.Paper, RequestChannel.Api]);
        figures.Weeks.Select(w => w.Received[RequestChannel.Api]).ShouldBe([0, 0, 0, 0]);
        figures.Weeks.Select(w => w.Monday).ShouldBe(Mondays);
        figures.Weeks.Select(w => w.Received[RequestChannel.Online]).ShouldBe([1, 1, 0, 1]);
        figures.Weeks.Select(w => w.Received[RequestChannel.Paper]).ShouldBe([1, 0, 1, 1]);
        figures.ReceivedInPeriod.ShouldBe(6);
    }

    [Fact]
    public async Task Period_IsWholeWeeksEndingToday_OneOfTheChoices_ElseTwelve()
    {
        At(TodayTenAm);

        var year = await RunAsync(52);
        var odd = await RunAsync(7);

        year.PeriodWeeks.ShouldBe(52);
        year.Weeks.Count.ShouldBe(52);
        year.From.ShouldBe(new DateOnly(2026, 4, 13).AddDays(-7 * 51));
        year.From.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        year.To.ShouldBe(Today);
        year.Today.ShouldBe(Today);
        year.AsOf.ShouldBe(TodayTenAm);
        odd.PeriodWeeks.ShouldBe(DashboardQuery.DefaultWeeks);
        odd.Weeks.Count.ShouldBe(12);
        DashboardQuery.NormalizeWeeks(null).ShouldBe(12);
        DashboardQuery.NormalizeWeeks(26).ShouldBe(26);
    }

    [Fact]
    public async Task EmptyStore_GivesZeros_AndNoPercentiles()
    {
        At(TodayTenAm);

        var figures = await RunAsync();

        figures.States.ShouldAllBe(s => s.Count == 0);
        figures.Due.ShouldBe(new DueFigures(0, 0, 0));
        figures.Completion.ShouldBe(new CompletionFigures(0, null, null, 0, 30));
        figures.Fees.ShouldBe(new FeeFigures(0m, 0, 0m, 0));
        figures.Weeks.ShouldAllBe(w => w.ReceivedTotal == 0 && w.Invoiced == 0m && w.Collected == 0m);
    }

    private static int Count(DashboardFigures figures, string state) => figures.States.Single(s => s.State == state).Count;
}
