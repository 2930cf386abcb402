using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Identity;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Identity;

public sealed class DemoAccountsTests
{
    [Fact]
    public async Task DemoSeeding_TurnedOffByConfiguration_SeedsNobody()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:Demo:SeedAccounts"] = "false" });
        using var client = factory.CreateBrowser();

        var response = await client.SignInAsync("supervisor");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().Users.CountAsync()).ShouldBe(0);
        var roles = await scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>().Roles.Select(r => r.Name).ToListAsync();
        roles.Order().ShouldBe(["Clerk", "RulesAdmin", "Supervisor"]);
        factory.LogMessages.ShouldNotContain(m => m.Contains("Demo staff accounts created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoSeeding_WithoutAConfiguredPassword_GeneratesAStrongOne_AndLogsItOnce()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "backoffice-web-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["BackOffice:DataDirectory"] = dataDirectory, ["BackOffice:Demo:Password"] = "" };
        try
        {
            string password;
            await using (var first = new BackOfficeFactory(settings))
            {
                using var client = first.CreateBrowser();
                var announcement = first.LogMessages.Single(m => m.Contains("Demo staff accounts created", StringComparison.Ordinal));
                announcement.ShouldContain("clerk (Clerk), reviewer (Clerk), rulesadmin (RulesAdmin), supervisor (Supervisor)");
                password = Regex.Match(announcement, @"Password for each: (\S+)\.").Groups[1].Value;
                password.Length.ShouldBeGreaterThanOrEqualTo(12);
                password.ShouldNotBe(BackOfficeFactory.DemoPassword);
                (await client.SignInAsync("supervisor", password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }

            await using (var second = new BackOfficeFactory(settings))
            {
                using var client = second.CreateBrowser();
                second.LogMessages.ShouldNotContain(m => m.Contains("Demo staff accounts created", StringComparison.Ordinal));
                (await client.SignInAsync("clerk", password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task DemoSeeding_WithAConfiguredPassword_DoesNotRepeatItInTheLog()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var announcement = factory.LogMessages.Single(m => m.Contains("Demo staff accounts created", StringComparison.Ordinal));

        announcement.ShouldContain("the one set in BackOffice:Demo:Password");
        factory.LogMessages.ShouldNotContain(m => m.Contains(BackOfficeFactory.DemoPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoSeeding_StopsStartUp_WhenTheConfiguredPasswordIsWeak()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:Demo:Password"] = "demo" });

        var error = Should.Throw<Exception>(() => factory.CreateClient());

        error.ToString().ShouldContain("BackOffice:Demo:Password");
        error.ToString().ShouldContain("at least 12 characters");
    }

    [Fact]
    public void GeneratedPasswords_DifferEachTime_AndMeetThePasswordRules()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => DemoAccounts.GeneratePassword()).ToList();

        passwords.Distinct().Count().ShouldBe(50);
        passwords.ShouldAllBe(p => p.Length >= 12 && p.Any(char.IsUpper) && p.Any(char.IsLower) && p.Any(char.IsDigit)
            && p.Any(c => !char.IsLetterOrDigit(c)));
    }
}
