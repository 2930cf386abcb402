using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Queue;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Tests.Support;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Queue;

/// <summary>The work queue's filters, search, order and keyset paging against a real database.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A memory cache per test, dropped with it.")]
public abstract class RequestQueueTests : EngineTestsBase
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(EngineHarness.Start.UtcDateTime);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    private Task<QueuePage> PageAsync(QueueFilter filter) => Harness.InScopeAsync(sp =>
        new RequestQueue(sp.GetRequiredService<BackOfficeDbContext>(), sp.GetRequiredService<DepartmentClock>(), _cache).PageAsync(filter));

    private Task<QueueCounts> CountsAsync(int days = 5) => Harness.InScopeAsync(sp =>
        new RequestQueue(sp.GetRequiredService<BackOfficeDbContext>(), sp.GetRequiredService<DepartmentClock>(), _cache).CountsAsync(days));

    private async Task<Guid[]> IdsAsync(QueueFilter filter) => [.. (await PageAsync(filter)).Rows.Select(r => r.Id)];

    private Task<RecordsRequest> StartAsync(string last = "Lopez", string first = "Maria", DateOnly? dob = null, int daysAgo = 0,
        Func<RequestDraftBuilder, RequestDraftBuilder>? change = null)
    {
        var received = Today.AddDays(-daysAgo);
        var draft = new RequestDraftBuilder().With(d => d with
        {
            Patient = d.Patient with { LastName = last, FirstName = first, DateOfBirth = dob ?? d.Patient.DateOfBirth },
            Signature = d.Signature with { SignedOn = received.AddDays(-1) },
        });
        return Harness.StartAsync((change?.Invoke(draft) ?? draft).Build(), received);
    }

    private async Task ToPickupAsync(Guid id)
    {
        Harness.Rules.PricePerPage = 0m;
        await Harness.FireAsync(id, "Verify", Staff.Clerk, TriggerArgs.Of(("identityChecked", "true")));
        await Harness.FireAsync(id, "StartFulfillment", Staff.Clerk);
        await Harness.FireAsync(id, "RecordPages", Staff.Clerk, TriggerArgs.Of(("contentsChecked", "true"), ("paper", "3"), ("postage", "0")));
        await Harness.FireAsync(id, "SubmitForReview", Staff.Clerk);
        await Harness.FireAsync(id, "Approve", Staff.SecondClerk);
    }

    private Task<FireResult> CancelAsync(Guid id) => Harness.FireAsync(id, "Cancel", Staff.Clerk, TriggerArgs.Of(("reason", "Withdrawn")));

    [Fact]
    public async Task DefaultPage_ShowsOpenRequests_UrgentFirst_ThenByDueDate()
    {
        var later = await StartAsync(daysAgo: 1);
        var earlier = await StartAsync(daysAgo: 10);
        var pickup = await StartAsync(daysAgo: 0, change: d => d.DeliveredBy(DeliveryMethod.Pickup));
        await ToPickupAsync(pickup.Id);
        var cancelled = await StartAsync(daysAgo: 20);
        await CancelAsync(cancelled.Id);

        var page = await PageAsync(new QueueFilter());

        page.Rows.Select(r => r.Id).ShouldBe([pickup.Id, earlier.Id, later.Id]);
        page.Rows[0].ShouldSatisfyAllConditions(r => r.IsUrgent.ShouldBeTrue(), r => r.State.ShouldBe("AwaitingPickup"));
        page.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task StateFilter_SpecificState_Closed_AndAll()
    {
        var received = await StartAsync();
        var verified = await StartAsync();
        await Harness.FireAsync(verified.Id, "Verify", Staff.Clerk, TriggerArgs.Of(("identityChecked", "true")));
        var cancelled = await StartAsync();
        await CancelAsync(cancelled.Id);

        (await IdsAsync(new QueueFilter { State = "Verified" })).ShouldBe([verified.Id]);
        (await IdsAsync(new QueueFilter { State = QueueFilter.ClosedStates })).ShouldBe([cancelled.Id]);
        (await IdsAsync(new QueueFilter { State = QueueFilter.OpenStates })).ShouldBe([received.Id, verified.Id], ignoreOrder: true);
        (await IdsAsync(new QueueFilter { State = QueueFilter.AllStates })).Length.ShouldBe(3);
    }

    [Fact]
    public async Task DueFilter_Overdue_AndDueWithinDays_HonourExtensions()
    {
        var overdue = await StartAsync(daysAgo: 31);           // due yesterday
        var extended = await StartAsync(daysAgo: 29);          // due tomorrow, extended by 10 days
        await Harness.FireAsync(extended.Id, "ExtendDeadline", Staff.Clerk, TriggerArgs.Of(("days", "10"), ("reason", "Off-site records")));
        var dueSoon = await StartAsync(daysAgo: 27);           // due in 3 days
        var notSoon = await StartAsync(daysAgo: 10);           // due in 20 days

        (await IdsAsync(new QueueFilter { Due = DueFilter.Overdue })).ShouldBe([overdue.Id]);
        (await IdsAsync(new QueueFilter { Due = DueFilter.DueSoon })).ShouldBe([dueSoon.Id]);
        (await IdsAsync(new QueueFilter { Due = DueFilter.DueSoon, DueWithinDays = 11 })).ShouldBe([extended.Id, dueSoon.Id], ignoreOrder: true);
        (await IdsAsync(new QueueFilter())).ShouldContain(notSoon.Id);
        (await PageAsync(new QueueFilter())).Rows.Single(r => r.Id == overdue.Id).IsOverdueOn(Today).ShouldBeTrue();
    }

    [Fact]
    public async Task DueSort_UsesTheExtendedDueDate()
    {
        var extended = await StartAsync(daysAgo: 29);          // originally due tomorrow, extended to day 40
        await Harness.FireAsync(extended.Id, "ExtendDeadline", Staff.Clerk, TriggerArgs.Of(("days", "10"), ("reason", "Off-site records")));
        var dueInFiveDays = await StartAsync(daysAgo: 25);
        var dueInTwentyDays = await StartAsync(daysAgo: 10);

        (await IdsAsync(new QueueFilter())).ShouldBe([dueInFiveDays.Id, extended.Id, dueInTwentyDays.Id]);
        var firstPage = await PageAsync(new QueueFilter { PageSize = 1 });
        (await IdsAsync(new QueueFilter { PageSize = 1, Cursor = firstPage.NextCursor })).ShouldBe([extended.Id]);
    }

    [Fact]
    public async Task ChannelDeliveryAndRequesterTypeFilters()
    {
        var paper = await StartAsync(change: d => d.With(x => x with { Channel = RequestChannel.Paper }));
        var portal = await StartAsync(change: d => d.DeliveredBy(DeliveryMethod.Portal));
        var attorney = await StartAsync(change: d => d.ForAttorney());

        (await IdsAsync(new QueueFilter { Channel = RequestChannel.Paper })).ShouldBe([paper.Id]);
        (await IdsAsync(new QueueFilter { Delivery = DeliveryMethod.Portal })).ShouldBe([portal.Id]);
        (await IdsAsync(new QueueFilter { RequesterType = RequesterType.Attorney })).ShouldBe([attorney.Id]);
    }

    [Fact]
    public async Task AssigneeFilter_Me_Unassigned_Named()
    {
        var mine = await StartAsync();
        await Harness.FireAsync(mine.Id, "Assign", Staff.Clerk, TriggerArgs.Of(("assignee", Staff.Clerk.Id)));
        var theirs = await StartAsync();
        await Harness.FireAsync(theirs.Id, "Assign", Staff.Clerk, TriggerArgs.Of(("assignee", Staff.SecondClerk.Id)));
        var nobody = await StartAsync();

        (await IdsAsync(new QueueFilter { Assignee = AssigneeFilter.Me, AssigneeId = Staff.Clerk.Id })).ShouldBe([mine.Id]);
        (await IdsAsync(new QueueFilter { Assignee = AssigneeFilter.User, AssigneeId = Staff.SecondClerk.Id })).ShouldBe([theirs.Id]);
        (await IdsAsync(new QueueFilter { Assignee = AssigneeFilter.Unassigned })).ShouldBe([nobody.Id]);
        (await IdsAsync(new QueueFilter { Assignee = AssigneeFilter.Me })).ShouldBeEmpty();
        (await PageAsync(new QueueFilter())).Rows.Single(r => r.Id == theirs.Id).AssigneeId.ShouldBe(Staff.SecondClerk.Id);
    }

    [Theory]
    [InlineData("lopez")]
    [InlineData("LOP")]
    [InlineData("Lopez, Ma")]
    [InlineData("lopez  maria")]
    public async Task Search_ByNamePrefix(string text)
    {
        var maria = await StartAsync("Lopez", "Maria");
        await StartAsync("Lopez", "Ana");
        await StartAsync("Lorenz", "Maria");
        await StartAsync("Adams", "Maria");

        var page = await PageAsync(new QueueFilter { Search = text });

        page.Search!.Kind.ShouldBe(QueueSearchKind.NamePrefix);
        page.Rows.ShouldContain(r => r.Id == maria.Id);
        page.Rows.ShouldAllBe(r => r.PatientLastName == "Lopez");
        if (text.Contains("ma", StringComparison.OrdinalIgnoreCase)) page.Rows.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Search_ByTrackingNumber_ForgivesTypingAndFindsClosedRequestsWhenAllStates()
    {
        var wanted = await StartAsync();
        await StartAsync();
        var typed = wanted.TrackingNumber.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

        (await IdsAsync(new QueueFilter { Search = typed })).ShouldBe([wanted.Id]);
        await CancelAsync(wanted.Id);
        (await IdsAsync(new QueueFilter { Search = wanted.TrackingNumber, State = QueueFilter.AllStates })).ShouldBe([wanted.Id]);
    }

    [Theory]
    [InlineData("1975-06-30")]
    [InlineData("06/30/1975")]
    public async Task Search_ByDateOfBirth(string text)
    {
        var wanted = await StartAsync("Kim", "Joon", new DateOnly(1975, 6, 30));
        await StartAsync("Kim", "Min", new DateOnly(1975, 6, 29));

        var page = await PageAsync(new QueueFilter { Search = text });

        page.Search!.Kind.ShouldBe(QueueSearchKind.DateOfBirth);
        page.Rows.Select(r => r.Id).ShouldBe([wanted.Id]);
        page.Rows[0].DateOfBirth.ShouldBe(new DateOnly(1975, 6, 30));
    }

    [Fact]
    public async Task Sort_ByReceivedNewestFirst_AndByTrackingNumber()
    {
        var old = await StartAsync(daysAgo: 9);
        var mid = await StartAsync(daysAgo: 5);
        var fresh = await StartAsync(daysAgo: 1);

        (await IdsAsync(new QueueFilter { Sort = QueueSort.Received })).ShouldBe([fresh.Id, mid.Id, old.Id]);
        var byTracking = (await PageAsync(new QueueFilter { Sort = QueueSort.TrackingNumber })).Rows.Select(r => r.TrackingNumber).ToList();
        byTracking.ShouldBe(byTracking.Order(StringComparer.Ordinal).ToList());
        byTracking.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(QueueSort.Due)]
    [InlineData(QueueSort.Received)]
    [InlineData(QueueSort.TrackingNumber)]
    public async Task KeysetPaging_ReturnsEveryRowExactlyOnce_InOrder(QueueSort sort)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 11; i++) ids.Add((await StartAsync(daysAgo: i % 4)).Id); // ties on the dates: the id breaks them
        var pickup = await StartAsync(change: d => d.DeliveredBy(DeliveryMethod.Pickup));
        await ToPickupAsync(pickup.Id);
        ids.Add(pickup.Id);

        var seen = new List<QueueRow>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await PageAsync(new QueueFilter { Sort = sort, PageSize = 5, Cursor = cursor });
            seen.AddRange(page.Rows);
            cursor = page.NextCursor;
            pages++;
        } while (cursor is not null && pages < 10);

        pages.ShouldBe(3);
        seen.Select(r => r.Id).ShouldBe(ids, ignoreOrder: true);
        var all = await PageAsync(new QueueFilter { Sort = sort, PageSize = 100 });
        seen.Select(r => r.Id).ShouldBe(all.Rows.Select(r => r.Id)); // the pages joined are the one long list
        if (sort == QueueSort.Due) seen[0].Id.ShouldBe(pickup.Id);
    }

    [Fact]
    public async Task Cursor_ThatIsGarbageOrForAnotherSort_StartsAtTheFirstPage()
    {
        for (var i = 0; i < 3; i++) await StartAsync(daysAgo: i);
        var first = await PageAsync(new QueueFilter { PageSize = 2 });

        (await IdsAsync(new QueueFilter { PageSize = 2, Cursor = "not-a-cursor!" })).ShouldBe(first.Rows.Select(r => r.Id));
        (await IdsAsync(new QueueFilter { PageSize = 2, Cursor = first.NextCursor, Sort = QueueSort.Received })).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Counts_PerState_Overdue_DueSoon_Urgent_Closed_AndCachedBriefly()
    {
        await StartAsync(daysAgo: 31);
        await StartAsync(daysAgo: 27);
        var verified = await StartAsync();
        await Harness.FireAsync(verified.Id, "Verify", Staff.Clerk, TriggerArgs.Of(("identityChecked", "true")));
        var pickup = await StartAsync(change: d => d.DeliveredBy(DeliveryMethod.Pickup));
        await ToPickupAsync(pickup.Id);
        await Harness.FireAsync(pickup.Id, "Assign", Staff.Clerk, TriggerArgs.Of(("assignee", Staff.Clerk.Id)));
        var cancelled = await StartAsync();
        await CancelAsync(cancelled.Id);

        var counts = await CountsAsync();

        counts.ShouldSatisfyAllConditions(
            c => c.OpenByState["Received"].ShouldBe(2), c => c.OpenByState["Verified"].ShouldBe(1),
            c => c.OpenByState["AwaitingPickup"].ShouldBe(1), c => c.OpenByState.ContainsKey("Cancelled").ShouldBeFalse(),
            c => c.Open.ShouldBe(4), c => c.Closed.ShouldBe(1), c => c.Urgent.ShouldBe(1), c => c.Overdue.ShouldBe(1),
            c => c.DueSoon.ShouldBe(1), c => c.Unassigned.ShouldBe(3), c => c.AsOf.ShouldBe(EngineHarness.Start));
        await StartAsync();
        (await CountsAsync()).Open.ShouldBe(4); // cached: counts say "as of" the time they were taken
    }
}
