using System.Net;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.PatientRequest;

public sealed class LandingPageTests
{
    private static BackOfficeFactory Create() => new(new Dictionary<string, string?>
    {
        ["BackOffice:Site:QuestionsPhone"] = "1-800-555-0199",
        ["BackOffice:Site:QuestionsHours"] = "Weekdays, 7 AM to 7 PM",
        ["BackOffice:Site:ExcludedOrganisationName"] = "Northside Hospital Group",
    });

    [Fact]
    public async Task Landing_ShowsTheConfiguredQuestionsLine_AndHours()
    {
        await using var factory = Create();
        using var client = factory.CreateBrowser();

        var (status, html) = await client.GetPageAsync("/");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("1-800-555-0199");
        html.ShouldContain("href=\"tel:18005550199\"");
        html.ShouldContain("Weekdays, 7 AM to 7 PM");
        html.ShouldNotContain("1-630-873-8748");
    }

    [Fact]
    public async Task Landing_LinksEveryWayToAsk_AndSaysHowToPay()
    {
        await using var factory = Create();
        using var client = factory.CreateBrowser();

        var (_, html) = await client.GetPageAsync("/");

        foreach (var link in new[] { "/request", "/request/paper-form", "/status", "/fees" })
            html.ShouldContain($"href=\"{link}\"");
        html.ShouldContain("cannot release records for Northside Hospital Group");
        html.ShouldContain("MyDMGHealth (MyChart)");
        html.ShouldContain("(312) 757-5020");
        html.ShouldContain("Cash is not accepted.");
        html.ShouldContain("Call for pickup by patient or legal representative.");
    }

    [Fact]
    public async Task Landing_TakesItsWordsFromConfiguration()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Site:Notice"] = "Offices closed on Friday for the holiday.",
            ["BackOffice:Site:FeesNote"] = "Copies for {Organisation} patients start at no charge.",
            ["BackOffice:Site:OrganisationName"] = "Prairie Clinics",
        });
        using var client = factory.CreateBrowser();

        var html = System.Net.WebUtility.HtmlDecode((await client.GetPageAsync("/")).Html);

        html.ShouldContain("Offices closed on Friday for the holiday.");
        html.ShouldContain("Copies for Prairie Clinics patients start at no charge.");
    }
}
