using BackOffice.Workflows.Auditing;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Auditing;

/// <summary>The audit table takes no change or delete by any EF Core path, except the retention policy's tagged one.</summary>
public abstract class AuditRetentionTests : EngineTestsBase
{
    private async Task<DateTimeOffset> AddOldRowAsync()
    {
        var at = Harness.Time.GetUtcNow();
        await Harness.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            db.Audit.Add(AuditEntry.Record(at, "u1", "clerk", "ViewRequest", Guid.NewGuid(), null, null, "127.0.0.1"));
            await db.SaveChangesAsync();
        });
        Harness.Time.Advance(TimeSpan.FromDays(366 * 8));
        return at;
    }

    private Task<int> CountAsync() => Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Audit.CountAsync());

    [Fact]
    public async Task BulkDeletes_BulkUpdates_AndRawSql_OnTheAudit_AreRefused()
    {
        await AddOldRowAsync();

        await Should.ThrowAsync<InvalidOperationException>(() => Harness.InScopeAsync(sp =>
            sp.GetRequiredService<BackOfficeDbContext>().Audit.ExecuteDeleteAsync()));
        await Should.ThrowAsync<InvalidOperationException>(() => Harness.InScopeAsync(sp =>
            sp.GetRequiredService<BackOfficeDbContext>().Audit.ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "nobody"))));
        await Should.ThrowAsync<InvalidOperationException>(() => Harness.InScopeAsync(sp =>
            sp.GetRequiredService<BackOfficeDbContext>().Database.ExecuteSqlRawAsync("""DELETE FROM "Audit" """)));
        // Copying the tag onto another kind of command does not open the way either.
        await Should.ThrowAsync<InvalidOperationException>(() => Harness.InScopeAsync(sp =>
            sp.GetRequiredService<BackOfficeDbContext>().Audit.TagWith(AuditRetention.Tag).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "nobody"))));

        (await CountAsync()).ShouldBe(1);
        (await Harness.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Audit.AsNoTracking().SingleAsync())).UserName.ShouldBe("clerk");
    }

    [Fact]
    public async Task TheRetentionPath_RemovesRowsOlderThanItsCutOff_AndRefusesACutOffUnderSixYears()
    {
        var old = await AddOldRowAsync();
        var now = Harness.Time.GetUtcNow();

        await Should.ThrowAsync<InvalidOperationException>(() => Harness.InScopeAsync(sp =>
            AuditRetention.RemoveOlderThanAsync(sp.GetRequiredService<BackOfficeDbContext>(), now.AddYears(-5), now)));
        (await CountAsync()).ShouldBe(1);

        var kept = await Harness.InScopeAsync(sp => AuditRetention.RemoveOlderThanAsync(sp.GetRequiredService<BackOfficeDbContext>(), old, now));
        var removed = await Harness.InScopeAsync(sp => AuditRetention.RemoveOlderThanAsync(sp.GetRequiredService<BackOfficeDbContext>(), old.AddMilliseconds(1), now));

        kept.ShouldBe(0, "the cut-off is exclusive");
        removed.ShouldBe(1);
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task WritingAuditRows_StillWorks()
    {
        await AddOldRowAsync();
        await AddOldRowAsync();

        (await CountAsync()).ShouldBe(2);
    }
}
