using BackOffice.Web.Identity;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Demo;

/// <summary>
/// On the first start of an empty request store (and only with <c>BackOffice:Demo:SeedRequests</c>), a handful of made-up
/// requests walked through the real lifecycle as the demo clerks would, so every screen has something to show: one in
/// each of the common states, received over the past weeks. Off in production with the demo accounts.
/// </summary>
public sealed class DemoRequests(BackOfficeDbContext db, LifecycleEngine engine, DepartmentClock clock,
    UserManager<StaffUser> users, ILogger<DemoRequests> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Requests.AnyAsync(cancellationToken)) return;
        var clerk = await StaffAsync("clerk", LifecycleRoles.Clerk);
        var reviewer = await StaffAsync("reviewer", LifecycleRoles.Clerk);
        if (clerk is null || reviewer is null)
        {
            logger.LogWarning("Demo requests need the demo accounts 'clerk' and 'reviewer'; none were created");
            return;
        }

        var walk = new Walk(engine, clerk, reviewer, cancellationToken);
        var today = clock.Today;
        await walk.StartAsync(DemoDrafts.Patient("Maria", "Lopez", DeliveryMethod.Mail, RequestChannel.Online), today.AddDays(-1));
        var held = await walk.StartAsync(DemoDrafts.Patient("James", "Okafor", DeliveryMethod.Portal, RequestChannel.Online), today.AddDays(-4));
        await walk.FireAsync(held, "RequestInformation", ("missing", "A copy of a photo ID of the person asking"));
        var verified = await walk.StartAsync(DemoDrafts.Patient("Grace", "Kim", DeliveryMethod.Mail, RequestChannel.Paper), today.AddDays(-6));
        await walk.VerifyAsync(verified);
        var compiling = await walk.StartAsync(DemoDrafts.Attorney("Ahmed", "Haddad"), today.AddDays(-9));
        await walk.CompileAsync(compiling, pages: 40, submit: false);
        var review = await walk.StartAsync(DemoDrafts.Patient("Sofia", "Rossi", DeliveryMethod.Pickup, RequestChannel.Online), today.AddDays(-12));
        await walk.CompileAsync(review, pages: 8, submit: true);
        var invoiced = await walk.StartAsync(DemoDrafts.Attorney("Daniel", "Novak"), today.AddDays(-16));
        await walk.ThroughReviewAsync(invoiced, pages: 120);
        var pickup = await walk.StartAsync(DemoDrafts.ToProvider("Helen", "Park", DeliveryMethod.Pickup), today.AddDays(-18));
        await walk.ThroughReviewAsync(pickup, pages: 15);
        var ready = await walk.StartAsync(DemoDrafts.ToProvider("Luis", "Garcia", DeliveryMethod.Mail), today.AddDays(-20));
        await walk.ThroughReviewAsync(ready, pages: 22);
        var mailed = await walk.StartAsync(DemoDrafts.ToProvider("Anna", "Schmidt", DeliveryMethod.Mail), today.AddDays(-25));
        await walk.ThroughReviewAsync(mailed, pages: 30);
        await walk.FireAsync(mailed, "Mail");
        var elsewhere = await walk.StartAsync(DemoDrafts.OtherFacility("Robert", "Brown"), today.AddDays(-3));
        await walk.FireAsync(elsewhere, "Redirect");
        var withdrawn = await walk.StartAsync(DemoDrafts.Patient("Emily", "Chen", DeliveryMethod.Mail, RequestChannel.Online), today.AddDays(-8));
        await walk.FireAsync(withdrawn, "Cancel", ("reason", "The patient withdrew the request by phone."));
        logger.LogWarning("Demo requests created: {Count} made-up requests in several states (BackOffice:Demo:SeedRequests=false turns this off)", walk.Started);
    }

    private async Task<Actor?> StaffAsync(string userName, string role)
    {
        var user = await users.FindByNameAsync(userName);
        return user is null ? null : Actor.Staff(user.Id, user.DisplayName ?? userName, role);
    }

    private sealed class Walk(LifecycleEngine engine, Actor clerk, Actor reviewer, CancellationToken cancellationToken)
    {
        public int Started { get; private set; }

        public async Task<Guid> StartAsync(RecordsRequestDraft draft, DateOnly receivedOn)
        {
            Started++;
            return (await engine.StartAsync(draft, receivedOn, clerk, cancellationToken)).Id;
        }

        public Task<FireResult> FireAsync(Guid id, string trigger, params (string Key, string? Value)[] args) =>
            engine.FireAsync(id, trigger, clerk, TriggerArgs.Of(args), cancellationToken: cancellationToken);

        public Task<FireResult> VerifyAsync(Guid id) => FireAsync(id, "Verify", ("identityChecked", "true"));

        public async Task CompileAsync(Guid id, int pages, bool submit)
        {
            await VerifyAsync(id);
            await FireAsync(id, "StartFulfillment");
            await FireAsync(id, "RecordPages", ("contentsChecked", "true"), ("paper", pages.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (submit) await FireAsync(id, "SubmitForReview", ("exclusionsApplied", "true"));
        }

        // Approved by a second person; a free copy goes on to release (a pickup waits for the associate's call).
        public async Task ThroughReviewAsync(Guid id, int pages)
        {
            await CompileAsync(id, pages, submit: true);
            await engine.FireAsync(id, "Approve", reviewer, TriggerArgs.None, cancellationToken: cancellationToken);
        }
    }
}
