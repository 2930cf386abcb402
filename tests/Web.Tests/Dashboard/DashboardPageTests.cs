using System.Globalization;
using System.Net;
using System.Xml.Linq;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BackOffice.Web.Tests.Dashboard.DashboardHtml;

namespace BackOffice.Web.Tests.Dashboard;

/// <summary>The supervisor's dashboard at /Staff/Dashboard over the requests of <see cref="DashboardApp"/>.</summary>
public sealed class DashboardPageTests(DashboardApp app) : IClassFixture<DashboardApp>
{
    private const string Path = "/Staff/Dashboard";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string Money(decimal amount) => amount.ToString("C2", CultureInfo.GetCultureInfo("en-US"));

    [Fact]
    public async Task Supervisor_SeesTheFigures_OfTheSeededRequests_InCardsAndDataTables()
    {
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var (status, html) = await supervisor.GetPageAsync(Path);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<h1>Dashboard</h1>");
        html.ShouldContain("Figures as of");
        Card(html, "open").ShouldBe("2");
        Card(html, "overdue").ShouldBe("1");
        Card(html, "due-week").ShouldBe("0");
        Card(html, "completed").ShouldBe("1");
        Card(html, "median").ShouldBe("12 days");
        Card(html, "p90").ShouldBe("12 days");
        Card(html, "late").ShouldBe("0");
        Card(html, "invoiced").ShouldBe(Money(app.Fee));
        Card(html, "collected").ShouldBe(Money(app.Fee));
        Card(html, "awaiting-payment").ShouldBe("0");
        Card(html, "received").ShouldBe("3");
        Card(html, "channel-Paper").ShouldBe("3");
        Card(html, "channel-Online").ShouldBe("0");

        Row(html, "open-states", "Received").ShouldBe(["2"]);
        Row(html, "open-states", "Verified").ShouldBe(["0"]);
        Row(html, "closed-states", "Completed").ShouldBe(["1"]);
        Row(html, "closed-states", "Total").ShouldBe(["1"]);
        Row(html, "completion", "Median").ShouldBe(["12 days"]);
        Row(html, "completion", "90th percentile").ShouldBe(["12 days"]);
        Row(html, "fees", "Total").ShouldBe([Money(app.Fee), Money(app.Fee)]);
        var thisWeek = DashboardQuery.MondayOf(app.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Columns: online, paper, requester API, all channels.
        Row(html, "received", thisWeek).ShouldBe(["0", "1", "0", "1"]);
        Row(html, "received", "Total").ShouldBe(["0", "3", "0", "3"]);
        Table(html, "received").Count.ShouldBe(1 + 12 + 1, "a header, 12 weeks and the totals");
    }

    [Fact]
    public async Task Cards_LinkToTheWorkQueue_WithItsOwnFilterNames()
    {
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var html = (await supervisor.GetPageAsync(Path)).Html;

        html.ShouldContain("href=\"/Staff/Requests?state=open&amp;due=Overdue\"");
        html.ShouldContain("href=\"/Staff/Requests?state=open&amp;due=DueSoon&amp;days=6\"");
        html.ShouldContain("href=\"/Staff/Requests?state=Completed\"");
        html.ShouldContain("href=\"/Staff/Requests?state=NeedsInformation\"");
        var overdue = await supervisor.GetPageAsync("/Staff/Requests?state=open&due=Overdue");
        overdue.Status.ShouldBe(HttpStatusCode.OK);
        System.Text.RegularExpressions.Regex.Count(overdue.Html, "href=\"/Staff/Requests/[0-9a-f-]{36}\"").ShouldBe(1);
    }

    [Fact]
    public async Task PeriodSelector_OffersFourToFiftyTwoWeeks_AndFallsBackToTwelve()
    {
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var year = (await supervisor.GetPageAsync(Path + "?weeks=52")).Html;
        var nonsense = (await supervisor.GetPageAsync(Path + "?weeks=abc")).Html;

        year.ShouldContain("<option value=\"52\" selected=\"selected\">Last 52 weeks</option>");
        Table(year, "received").Count.ShouldBe(1 + 52 + 1);
        nonsense.ShouldContain("<option value=\"12\" selected=\"selected\">Last 12 weeks</option>");
        foreach (var weeks in new[] { 4, 12, 26, 52 }) year.ShouldContain($"<option value=\"{weeks}\"");
    }

    [Fact]
    public async Task ViewingTheDashboard_IsAudited_WithThePeriod()
    {
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        (await supervisor.GetPageAsync(Path + "?weeks=26")).Status.ShouldBe(HttpStatusCode.OK);

        // The subject is stored encrypted, so it is compared once read (SQL would compare it with a fresh ciphertext).
        var rows = await app.Factory.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == "ViewDashboard").ToListAsync());
        var row = rows.Where(a => a.Subject == "weeks=26").ShouldHaveSingleItem();
        row.UserName.ShouldBe("supervisor");
        row.RequestId.ShouldBeNull();
    }

    [Fact]
    public async Task EveryChart_IsWellFormedSvg_WithARoleATitleAndADataTable()
    {
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        var html = (await supervisor.GetPageAsync(Path + "?weeks=52")).Html;

        var svgs = Svgs(html);
        svgs.Count.ShouldBe(5);
        foreach (var svg in svgs)
        {
            var root = XDocument.Parse(svg).Root!;
            root.Name.ShouldBe(Svg + "svg");
            root.Attribute("role")?.Value.ShouldBe("img");
            root.Attribute("aria-label")?.Value.ShouldNotBeNullOrWhiteSpace();
            root.Element(Svg + "title")?.Value.ShouldNotBeNullOrWhiteSpace();
        }

        foreach (var id in new[] { "open-states", "closed-states", "completion", "fees", "received" })
            html.ShouldContain($"<figure class=\"dashboard-figure\" id=\"chart-{id}\">");
        html.ShouldNotContain("<script");
    }

    [Fact]
    public async Task Clerk_IsRefused_With403()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var response = await clerk.GetAsync(new Uri(Path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith("http://localhost/Account/AccessDenied");
        (await clerk.GetAsync(new Uri(response.Location()!))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.GetPageAsync("/Staff")).Html.ShouldNotContain("href=\"/Staff/Dashboard\"");
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var browser = app.Factory.CreateBrowser();

        var response = await browser.GetAsync(new Uri(Path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith("http://localhost/Account/SignIn");
    }

    [Fact]
    public async Task StaffHome_LinksToTheDashboard_ForSupervisors()
    {
        using var supervisor = await app.Factory.SignedInAsync("supervisor");

        (await supervisor.GetPageAsync("/Staff")).Html.ShouldContain("href=\"/Staff/Dashboard\"");
    }
}

/// <summary>A lifecycle whose state name holds markup characters: the page and its SVG must carry it as text.</summary>
public sealed class DashboardEscapingTests
{
    private const string OddState = "Checked <&> \"verified\"";

    [Fact]
    public async Task AStateNamedWithMarkupCharacters_IsEscaped_InTheSvgAndTheTable()
    {
        var definitions = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "backoffice-web-defs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(definitions);
        try
        {
            var shipped = await File.ReadAllTextAsync(System.IO.Path.Combine(AppContext.BaseDirectory, "workflows", "records-request.json"));
            await File.WriteAllTextAsync(System.IO.Path.Combine(definitions, "records-request.json"), shipped);
            var renamed = shipped.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)
                .Replace("\"Verified\"", "\"Checked <&> \\\"verified\\\"\"", StringComparison.Ordinal);
            await File.WriteAllTextAsync(System.IO.Path.Combine(definitions, "records-request-v2.json"), renamed);
            await using var factory = new BackOfficeFactory(new Dictionary<string, string?> { ["BackOffice:DefinitionsDirectory"] = definitions });
            var request = await factory.StartAsync(RequestScenarios.PatientDraft());
            (await factory.FireAsync(request.Id, "Verify", RequestScenarios.Clerk, ("identityChecked", "true"))).ToState.ShouldBe(OddState);
            using var supervisor = await factory.SignedInAsync("supervisor");

            var html = (await supervisor.GetPageAsync("/Staff/Dashboard")).Html;

            var states = XDocument.Parse(Svgs(html)[0]);
            var texts = states.Descendants("{http://www.w3.org/2000/svg}text").Select(t => t.Value).ToList();
            texts.ShouldContain(OddState);
            html.ShouldNotContain(OddState);
            html.ShouldContain("Checked &lt;&amp;&gt; &quot;verified&quot;");
            Row(html, "open-states", OddState).ShouldBe(["1"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(definitions, recursive: true);
        }
    }
}
