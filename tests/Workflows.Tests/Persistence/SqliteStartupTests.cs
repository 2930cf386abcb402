using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Workflows.Tests.Persistence;

public sealed class SqliteStartupTests : StartupTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());

    [Fact]
    public async Task Startup_SkipsMigrating_WhenEveryMigrationIsApplied()
    {
        // EF Core's SQLite migration lock is a table MigrateAsync creates when it runs: its absence after the second
        // start shows that start did not migrate (a cold start saves the lock and the model comparison).
        await using (var first = await StartAppAsync())
        {
            await first.InScopeAsync(sp => sp.GetRequiredService<BackOfficeDbContext>().Database.ExecuteSqlRawAsync(
                """DROP TABLE IF EXISTS "__EFMigrationsLock" """));
        }

        await using var second = await StartAppAsync();

        await second.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BackOfficeDbContext>();
            (await db.Database.SqlQueryRaw<long>("""SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE name = '__EFMigrationsLock'""")
                .SingleAsync()).ShouldBe(0);
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        });
    }
}
