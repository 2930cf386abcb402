using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Tests.Lifecycle;
using BackOffice.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Auditing;

public abstract class AuditTrailTests : EngineTestsBase
{
    [Fact]
    public async Task AuditRows_CannotBeChangedOrDeleted()
    {
        await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            db.Audit.Add(AuditEntry.Record(Harness.Time.GetUtcNow(), "u1", "clerk", "ViewRequest", Guid.NewGuid(), null, null, "127.0.0.1"));
            await db.SaveChangesAsync();
        });

        await Should.ThrowAsync<InvalidOperationException>(() => Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            db.Audit.Remove(await db.Audit.SingleAsync());
            await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<InvalidOperationException>(() => Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            db.Entry(await db.Audit.SingleAsync()).Property(a => a.Action).CurrentValue = "Nothing";
            await db.SaveChangesAsync();
        }));

        var stored = await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Audit.AsNoTracking().SingleAsync());
        stored.Action.ShouldBe("ViewRequest");
    }

    [Fact]
    public async Task QueuePriority_PutsUrgentStatesFirst_AndClosedLast()
    {
        var request = await Harness.StartAsync();
        (await Harness.LoadAsync(request.Id)).QueuePriority.ShouldBe(1);
        (await Harness.LoadAsync(request.Id)).PatientNameKey.ShouldBe("LOPEZ MARIA");

        await Harness.FireAsync(request.Id, "Cancel", Staff.Clerk, BackOffice.Workflows.Lifecycle.TriggerArgs.Of(("reason", "duplicate")));

        (await Harness.LoadAsync(request.Id)).QueuePriority.ShouldBe(2);
    }
}
