using System.Diagnostics;
using System.Net;
using BackOffice.Web.Identity;
using BackOffice.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Security;

/// <summary>
/// The one timed test the suite allows: it asserts no absolute time, only that an unknown user name, a wrong password
/// and a disabled account cost the same (medians within 1.5× of each other, measured in one run, interleaved).
/// </summary>
public sealed class SignInTimingTests
{
    private const int Rounds = 25;

    [Fact]
    public async Task UnknownUser_WrongPassword_AndDisabledAccount_TakeTheSameTime()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            // Throttling would answer early after five failures; here every attempt must reach the password check.
            ["BackOffice:SignIn:FailuresPerAddress"] = "100000", ["BackOffice:SignIn:FailuresPerAddressPerDay"] = "100000",
            ["BackOffice:SignIn:FailuresToLock"] = "100000",
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var reviewer = (await users.FindByNameAsync("reviewer"))!;
            await users.SetLockoutEndDateAsync(reviewer, StaffUser.DisabledUntil);
        }

        using var client = factory.CreateBrowser();
        var token = StaffClient.AntiforgeryToken((await client.GetPageAsync("/Account/SignIn")).Html);
        var unknown = new List<double>();
        var wrong = new List<double>();
        var disabled = new List<double>();
        for (var round = -3; round < Rounds; round++) // three rounds to warm up, not counted
        {
            var a = await TimeAsync(client, token, "nobody-by-this-name");
            var b = await TimeAsync(client, token, "clerk");
            var c = await TimeAsync(client, token, "reviewer");
            if (round < 0) continue;
            unknown.Add(a);
            wrong.Add(b);
            disabled.Add(c);
        }

        var (u, w, d) = (Median(unknown), Median(wrong), Median(disabled));
        (Math.Max(u, w) / Math.Min(u, w)).ShouldBeLessThan(1.5, $"unknown {u:0.0} ms, wrong password {w:0.0} ms");
        (Math.Max(d, w) / Math.Min(d, w)).ShouldBeLessThan(1.5, $"disabled {d:0.0} ms, wrong password {w:0.0} ms");
    }

    private static async Task<double> TimeAsync(HttpClient client, string token, string userName)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = "Wrong-Passw0rd-Entirely", ["__RequestVerificationToken"] = token,
        });
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form);
        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
