using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Tests.Demo;

public sealed class DemoRequestsTests
{
    private static Task<List<string>> StatesAsync(BackOfficeFactory factory) =>
        factory.QueryAsync(db => db.Requests.AsNoTracking().Select(r => r.State).ToListAsync());

    [Fact]
    public async Task FirstStart_SeedsDemoRequestsInSeveralStates_Once()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "backoffice-web-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["BackOffice:DataDirectory"] = dataDirectory, ["BackOffice:Demo:SeedRequests"] = "true" };
        try
        {
            await using (var first = new BackOfficeFactory(settings))
            {
                first.CreateClient();
                var states = await StatesAsync(first);
                states.ShouldBe(
                [
                    "Received", "NeedsInformation", "Verified", "InFulfillment", "QualityReview", "AwaitingPayment", "AwaitingPickup",
                    "ReadyForRelease", "Completed", "Redirected", "Cancelled",
                ], ignoreOrder: true);
                first.LogMessages.ShouldContain(m => m.Contains("Demo requests created: 11", StringComparison.Ordinal));
                // Made by the demo clerks, so the queue and journal name real accounts.
                var actors = await first.QueryAsync(db => db.Journal.AsNoTracking().Select(j => j.ActorName).Distinct().ToListAsync());
                actors.ShouldContain("Demo Clerk");
                actors.ShouldContain("Demo Reviewer");
            }

            await using var second = new BackOfficeFactory(settings);
            second.CreateClient();
            (await StatesAsync(second)).Count.ShouldBe(11, "a second start adds nothing");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task NoDemoRequests_WhenDemoSeedingIsOff()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Demo:SeedRequests"] = "true",
            ["BackOffice:Demo:SeedAccounts"] = "false",
        });
        factory.CreateClient();

        (await StatesAsync(factory)).ShouldBeEmpty();
    }
}
