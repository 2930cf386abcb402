using System.Text.Json.Nodes;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.Identity;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.RuleSets;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Web.Tests.Browser;

/// <summary>
/// axe-core (injected by Deque.AxeCore.Playwright) on every staff page in Chromium, with the demo requests so each
/// page has content: any serious or critical violation fails. One browser; one signed-in context per role (its
/// Content-Security-Policy bypassed, as the injected script needs); the pages visited in a loop. Every staff page the
/// app maps must be in the list, so a new page is checked too.
/// </summary>
public sealed class StaffAccessibilityBrowserTests(ITestOutputHelper output)
{
    private static readonly string[] Failing = ["serious", "critical"];

    /// <summary>Addresses a page asked for that answered 404.</summary>
    private readonly List<string> _missing = [];

    /// <summary>The request page in a state of each phase, in review (the second-person check) and closed both ways.</summary>
    private static readonly string[] DetailStates =
        ["Received", "NeedsInformation", "InFulfillment", "QualityReview", "AwaitingPayment", "AwaitingPickup", "Completed", "Cancelled"];

    [Fact]
    public async Task EveryStaffPage_HasNoSeriousOrCriticalAccessibilityViolation()
    {
        await using var session = await BrowserSession.StartAsync(new Dictionary<string, string?> { ["BackOffice:Demo:SeedRequests"] = "true" });
        var visits = await PagesToVisitAsync(session.Factory);
        var missing = StaffPages(session.Factory).Except(visits.Select(v => v.Page), StringComparer.Ordinal).ToList();
        missing.ShouldBeEmpty("staff pages the accessibility test does not visit: " + string.Join(", ", missing));

        var problems = new List<string>();
        var supervisor = await SignedInAsync(session, "supervisor");
        foreach (var visit in visits) problems.AddRange(await CheckAsync(supervisor, visit.Url));
        foreach (var role in new[] { "clerk", "rulesadmin" })
        {
            var page = await SignedInAsync(session, role);
            problems.AddRange(await CheckAsync(page, "/Staff"));
        }

        problems.AddRange(await CheckAsync(supervisor, "/Account/SignOut"));
        var anonymous = await NewPageAsync(session);
        problems.AddRange(await CheckAsync(anonymous, "/Account/SignIn"));
        problems.AddRange(await CheckAsync(anonymous, "/Account/AccessDenied", 403));
        problems.AddRange(await CheckAsync(anonymous, "/Account/SignOut"));

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
        // Nothing a page asks for is missing (the favicon was a 404 on every page).
        _missing.ShouldBeEmpty(string.Join(", ", _missing.Distinct()));
    }

    /// <summary>Opens <paramref name="url"/>, waits for its diagrams, and lists its serious and critical violations.</summary>
    private async Task<IEnumerable<string>> CheckAsync(IPage page, string url, int status = 200)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await page.GotoAsync(url);
        var loaded = started.ElapsedMilliseconds;
        response.ShouldNotBeNull();
        response.Status.ShouldBe(status, $"{url} answered {response.Status}");
        // The lifecycle diagrams are drawn after the page loads; axe checks what a person then sees.
        await page.WaitForFunctionAsync("() => Array.from(document.querySelectorAll('details[open] pre.mermaid')).every(p => p.querySelector('svg'))");
        // The one frame, a sent message's HTML, is the message (sandboxed, no scripts), not a staff page: axe checks the
        // frame element (its title) but is not injected into it.
        // Only violations are collected (not the passes with their nodes), which makes each run several times faster.
        var result = await page.RunAxe(new AxeRunOptions { Iframes = false, ResultTypes = [ResultType.Violations] })
            .WaitAsync(TimeSpan.FromMinutes(1));
        output.WriteLine($"{url}: {result.Violations.Length} violation(s) ({string.Join(", ", result.Violations.Select(v => $"{v.Id} {v.Impact}"))}), loaded in {loaded} ms, checked in {started.ElapsedMilliseconds - loaded} ms");
        return result.Violations
            .Where(v => Failing.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
            .Select(v => $"{url}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}");
    }

    private async Task<IPage> NewPageAsync(BrowserSession session)
    {
        var page = await session.NewPageAsync(bypassCsp: true);
        page.Response += (_, response) =>
        {
            if (response.Status == 404) lock (_missing) _missing.Add(response.Url);
        };
        return page;
    }

    private async Task<IPage> SignedInAsync(BrowserSession session, string userName)
    {
        var page = await NewPageAsync(session);
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(BackOfficeFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        return page;
    }

    /// <summary>Every staff page (its view-engine path), from the app's endpoints.</summary>
    private static List<string> StaffPages(BackOfficeFactory factory) =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath)
            .OfType<string>()
            .Where(p => p == "/Staff/Index" || p.StartsWith("/Staff/", StringComparison.Ordinal))
            .Distinct()];

    /// <summary>Each staff page at least once, with real records: the detail page in every demo state, a draft's diff,
    /// a sent message, a search that finds something and one that is refused.</summary>
    private static async Task<List<(string Page, string Url)>> PagesToVisitAsync(BackOfficeFactory factory)
    {
        await factory.Services.GetRequiredService<IEmailSender>().SendAsync(
            new OutgoingEmail("maria.lopez@example.org", "Your records request", "Plain text", "<p>HTML part</p>"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BackOfficeDbContext>();
        var requests = await db.Requests.AsNoTracking().OrderBy(r => r.ReceivedOn).ToListAsync();
        requests.Count.ShouldBeGreaterThan(5, "the demo requests were not seeded");
        var clerk = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync("clerk");
        var draft = await DraftWithAChangeAsync(scope.ServiceProvider.GetRequiredService<RuleSetStore>());
        requests.Select(r => r.State).Intersect(DetailStates).Count().ShouldBe(DetailStates.Length, "a demo request is missing for a state the test visits");
        var messageName = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml").Select(Path.GetFileName).First();
        var organisations = scope.ServiceProvider.GetRequiredService<Workflows.Organisations.RequesterOrganisations>();
        var organisation = await organisations.RegisterAsync(new Workflows.Organisations.RequesterOrganisationDetails
        {
            Name = "Smith & Jones LLP", Type = Workflows.Requests.RequesterType.Attorney, ContactEmail = "records@smithjones.example.org",
        }, "supervisor");
        await organisations.IssueKeyAsync(organisation.Id, "case system", null, "supervisor");

        List<(string Page, string Url)> visits =
        [
            ("/Staff/Index", "/Staff"),
            ("/Staff/Requests/Index", "/Staff/Requests"),
            ("/Staff/Requests/Index", "/Staff/Requests?state=all&q=Lopez"),
            .. requests.Where(r => DetailStates.Contains(r.State)).Select(r => ("/Staff/Requests/Details", $"/Staff/Requests/{r.Id}")),
            ("/Staff/Intake/Index", "/Staff/Intake"),
            ("/Staff/Mailing/Index", "/Staff/Mailing"),
            ("/Staff/Retention/Index", "/Staff/Retention"),
            ("/Staff/Incidents/Index", "/Staff/Incidents"),
            ("/Staff/Messages/Index", "/Staff/Messages"),
            ("/Staff/Messages/Index", $"/Staff/Messages?name={messageName}"),
            ("/Staff/Disclosures/Index", "/Staff/Disclosures"),
            ("/Staff/Disclosures/Record", "/Staff/Disclosures/Record"),
            ("/Staff/Dashboard/Index", "/Staff/Dashboard"),
            ("/Staff/Audit/Index", "/Staff/Audit"),
            ("/Staff/Audit/Index", "/Staff/Audit?From=not-a-date"),
            ("/Staff/Users/Index", "/Staff/Users"),
            ("/Staff/Users/Create", "/Staff/Users/Create"),
            ("/Staff/Users/Edit", $"/Staff/Users/Edit/{clerk!.Id}"),
            ("/Staff/Organisations/Index", "/Staff/Organisations"),
            ("/Staff/Organisations/Create", "/Staff/Organisations/Create"),
            ("/Staff/Organisations/Details", $"/Staff/Organisations/Details/{organisation.Id}"),
            ("/Staff/Rules/Index", "/Staff/Rules"),
            ("/Staff/Rules/Version", "/Staff/Rules/Version/1"),
            ("/Staff/Rules/Version", $"/Staff/Rules/Version/{draft}?Tracking={requests[0].TrackingNumber}"),
            ("/Staff/Rules/Edit", $"/Staff/Rules/Edit/{draft}/fee-schedules.json"),
            ("/Staff/Rules/Diff", $"/Staff/Rules/Diff/{draft}/fee-schedules.json?against=1"),
            ("/Staff/Lifecycle/Index", "/Staff/Lifecycle"),
        ];
        return visits;
    }

    /// <summary>A draft of the rules whose fee schedules differ from version 1, so the diff has added and removed lines.</summary>
    private static async Task<int> DraftWithAChangeAsync(RuleSetStore store)
    {
        var draft = await store.CreateDraftAsync(1, "Handling fee for the accessibility test", "rulesadmin");
        var schedules = JsonNode.Parse(draft.Files["fee-schedules.json"])!;
        var latest = schedules["illinois"]!.AsArray().Last()!;
        latest["handling"] = latest["handling"]!.GetValue<decimal>() + 1m;
        await store.EditDraftAsync(draft.Version, "fee-schedules.json", schedules.ToJsonString(new() { WriteIndented = true }), draft.Revision, "rulesadmin");
        return draft.Version;
    }
}
