using System.Net;
using BackOffice.Web.Identity;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BackOffice.Web.Tests.Identity;

public sealed class StaffIdentityStoreTests
{
    [Fact]
    public async Task IdentityMigrations_CreateTheSchema_InTheAppDatabase_AndMatchTheModel()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateClient();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>();
            db.ShouldBeOfType<SqliteStaffIdentityDbContext>();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            (await db.Database.GetAppliedMigrationsAsync()).ShouldContain(m => m.EndsWith("_InitialIdentity", StringComparison.Ordinal));
            db.Database.HasPendingModelChanges().ShouldBeFalse();
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "backoffice.db")}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var reader = await new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table'", connection).ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        tables.ShouldContain("AspNetUsers");
        tables.ShouldContain("__IdentityMigrationsHistory");
        tables.ShouldContain("__EFMigrationsHistory");
        tables.ShouldContain("Requests");
    }

    [Fact]
    public async Task StaffIdentity_WorksOnPostgreSql_ChosenByConfiguration()
    {
        await using var scratch = await ScratchPostgres.CreateAsync();
        var database = scratch.ConnectionString;
        await using var factory = new BackOfficeFactory(scratch.Settings);
        using var supervisor = await factory.SignedInAsync("supervisor");

        (await supervisor.GetPageAsync("/Staff/Users")).Status.ShouldBe(HttpStatusCode.OK);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>();
            db.ShouldBeOfType<PostgresStaffIdentityDbContext>();
            db.Database.HasPendingModelChanges().ShouldBeFalse();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var clerk = await users.FindByNameAsync("clerk");
            await users.SetLockoutEndDateAsync(clerk!, StaffUser.DisabledUntil);
        }

        (await factory.FindStaffUserAsync("clerk"))!.IsDisabled.ShouldBeTrue();
        using var clerkClient = factory.CreateBrowser();
        (await (await clerkClient.SignInAsync("clerk")).Content.ReadAsStringAsync()).ShouldContain(System.Net.WebUtility.HtmlEncode(BackOffice.Web.Pages.Account.SignInModel.FailedMessage));
        await using var check = new NpgsqlConnection(database);
        await check.OpenAsync();
        var history = await new NpgsqlCommand("SELECT count(*) FROM \"__IdentityMigrationsHistory\"", check).ExecuteScalarAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var known = scope.ServiceProvider.GetRequiredService<StaffIdentityDbContext>().Database.GetMigrations().Count();
            Convert.ToInt64(history, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(known);
        }

        // The key ring the sign-in cookie was made with lives in PostgreSQL, where every node finds it.
        var keys = await new NpgsqlCommand("SELECT count(*) FROM \"DataProtectionKeys\"", check).ExecuteScalarAsync();
        Convert.ToInt64(keys, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        File.Exists(Path.Combine(factory.DataDirectory, "backoffice.db")).ShouldBeFalse();
    }
}
