using System.Net;
using BackOffice.Web.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace BackOffice.Web.Tests.Lifecycle;

public sealed class LifecycleDiagramTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Page_ShowsEachDefinitionVersion_PhaseByPhase_InWords()
    {
        await using var factory = new BackOfficeFactory();
        using var anonymous = factory.CreateBrowser();
        using var clerk = await factory.SignedInAsync("clerk");

        (await anonymous.GetAsync(new Uri("/Staff/Lifecycle", UriKind.Relative))).Location()!.ShouldContain("/Account/SignIn");
        var (status, html) = await clerk.GetPageAsync("/Staff/Lifecycle");

        status.ShouldBe(HttpStatusCode.OK);
        html = WebUtility.HtmlDecode(html);
        html.ShouldContain("Records request, version 4 (newest)");
        html.ShouldContain("Records request, version 1");
        foreach (var phase in new[] { "Intake", "Fulfillment", "Payment", "Release", "Closed" }) html.ShouldContain($">{phase}</h3>");
        html.ShouldContain("<h4>Awaiting the pickup call</h4>");
        html.ShouldContain("Approve</strong> → Awaiting payment, only when a second person, not the one who compiled the records, approves and a fee is due.");
        html.ShouldContain("After 30 days in this state: cancel the request (No answer to the request for information within 30 days).");
        // The identifiers of the definition are not what staff read (ordinal: the ids in the markup are lower case).
        foreach (var identifier in new[] { "AwaitingPickup", "Assign []", "stateDiagram", "RecordPages" })
            html.Contains(identifier, StringComparison.Ordinal).ShouldBeFalse(identifier);
        html.ShouldContain("/lib/mermaid/mermaid.min.js");
        // No script from another host (a CDN); ordinal, so a random token in the page (antiforgery, nonce) cannot match.
        html.Contains("src=\"http", StringComparison.OrdinalIgnoreCase).ShouldBeFalse();
        html.Contains("cdn.", StringComparison.Ordinal).ShouldBeFalse();
    }

    [Fact]
    public async Task Diagrams_AreDrawnPerPhase_FromTheAppsOwnMermaid_AndFitAnOrdinaryScreen()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/SignIn?ReturnUrl=%2FStaff%2FLifecycle");
        await page.GetByLabel("User name").FillAsync("supervisor");
        await page.GetByLabel("Password").FillAsync(BackOfficeFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The newest version is open and its phases drawn; an older one is drawn when opened.
        var newest = page.Locator("#v4 ~ details");
        await newest.Locator("pre.mermaid svg").Nth(3).WaitForAsync(new() { Timeout = 30_000 });
        var drawn = await newest.Locator("pre.mermaid svg").CountAsync();
        drawn.ShouldBe(await newest.Locator("pre.mermaid").CountAsync());
        (await newest.Locator("pre.mermaid svg .node").CountAsync()).ShouldBeGreaterThan(17);
        (await page.Locator("#v1 ~ details pre.mermaid svg").CountAsync()).ShouldBe(0);
        await page.Locator("#v1 ~ details > summary").ClickAsync();
        await page.Locator("#v1 ~ details pre.mermaid svg").First.WaitForAsync(new() { Timeout = 30_000 });

        await BrowserSession.ScreenshotAsync(page, "staff-lifecycle");
        for (var i = 0; i < drawn; i++)
            await newest.Locator("figure.lifecycle-diagram").Nth(i).ScreenshotAsync(new() { Path = Artifacts.PathFor($"staff-lifecycle-phase-{i + 1}.png") });
        // Readable at 1280 × 900: nothing scrolls sideways, and no diagram is shrunk below two thirds of its size.
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        var scales = await page.EvaluateAsync<double[]>(
            "() => Array.from(document.querySelectorAll('#v4 ~ details pre.mermaid svg')).map(s => s.getBoundingClientRect().width / s.viewBox.baseVal.width)");
        output.WriteLine("diagram scales: " + string.Join(", ", scales.Select(s => s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))));
        scales.ShouldAllBe(scale => scale >= 0.66);
    }
}
