using System.Net;
using BackOffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace BackOffice.Web.Tests.Lifecycle;

public sealed class LifecycleDiagramTests
{
    [Fact]
    public async Task Diagram_ShowsEachDefinitionVersion_ToSignedInStaff()
    {
        await using var factory = new BackOfficeFactory();
        using var anonymous = factory.CreateBrowser();
        using var clerk = await factory.SignedInAsync("clerk");

        (await anonymous.GetAsync(new Uri("/Staff/Lifecycle", UriKind.Relative))).Location()!.ShouldContain("/Account/SignIn");
        var (status, html) = await clerk.GetPageAsync("/Staff/Lifecycle");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("records-request, version 1");
        html.ShouldContain("stateDiagram-v2");
        html.ShouldContain("AwaitingPickup");
        html.ShouldContain("/lib/mermaid/mermaid.min.js");
        html.ShouldNotContain("cdn");
    }

    [Fact]
    public async Task Diagram_IsDrawnInTheBrowser_FromTheAppsOwnCopyOfMermaid()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/SignIn?ReturnUrl=%2FStaff%2FLifecycle");
        await page.GetByLabel("User name").FillAsync("supervisor");
        await page.GetByLabel("Password").FillAsync(BackOfficeFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var diagram = page.Locator("pre.mermaid svg");
        await diagram.First.WaitForAsync(new() { Timeout = 15_000 });
        (await page.Locator("pre.mermaid svg g.node").CountAsync()).ShouldBeGreaterThan(10);
        await BrowserSession.ScreenshotAsync(page, "staff-lifecycle-diagram");
    }
}
