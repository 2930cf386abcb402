using System.Net;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Portal;

/// <summary>Our mail is down when a patient asks for a code: a clear "try again later", and no code send used up.</summary>
public sealed class PortalMailDownTests
{
    [Fact]
    public async Task AskingForACode_WhileMailIsDown_SaysTryAgainLater_AndDoesNotUseUpASend()
    {
        await using var portal = new PortalScenario(new Dictionary<string, string?> { ["BackOffice:RateLimits:PortalCodesPerLink"] = "1" });
        var (_, token) = await portal.PublishedLinkAsync();
        using var browser = portal.Factory.CreateBrowser();
        var sent = portal.MailDirectory + "-sent";
        Directory.Move(portal.MailDirectory, sent);
        await File.WriteAllTextAsync(portal.MailDirectory, "a file where the mail folder should be: nothing can be written");

        var down = await PortalScenario.EnterDateOfBirthAsync(browser, token, "1980-04-15");

        down.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        down.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldNotBeNull().TotalSeconds.ShouldBeGreaterThan(0);
        var html = await down.Content.ReadAsStringAsync();
        html.ShouldContain("We could not send the code just now");
        html.ShouldContain("nothing was used up");
        portal.Factory.ErrorLogMessages.ShouldBeEmpty();

        File.Delete(portal.MailDirectory);
        Directory.Move(sent, portal.MailDirectory);
        var before = portal.Messages().Count;
        var again = await PortalScenario.EnterDateOfBirthAsync(browser, token, "1980-04-15");

        again.StatusCode.ShouldBe(HttpStatusCode.Redirect); // the only send this link has left was not spent on the failure
        again.Location().ShouldBe($"/portal/{token}/code");
        (await portal.MailAsync(before + 1)).Count.ShouldBe(before + 1);
    }
}
