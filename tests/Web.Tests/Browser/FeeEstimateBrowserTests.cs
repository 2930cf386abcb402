using BackOffice.Web.Tests.Support;
using Microsoft.Playwright;

namespace BackOffice.Web.Tests.Browser;

public sealed class FeeEstimateBrowserTests
{
    [Fact]
    public async Task APerson_GetsAnEstimate_OnTheFeesPage_WithoutAReload()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(phone: true);
        await page.GotoAsync("/fees");

        await page.GetByLabel("Who is asking?").SelectOptionAsync("Attorney");
        await page.GetByLabel("About how many pages?").FillAsync("120");
        var apiCall = page.WaitForResponseAsync("**/api/fee-estimate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Estimate the cost" }).ClickAsync();
        (await apiCall).Status.ShouldBe(200);

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Estimated cost" });
        await heading.WaitForAsync();
        (await heading.TextContentAsync())!.ShouldStartWith("Estimated cost: $");
        (await page.Locator("#fee-result tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserSession.ScreenshotAsync(page, "fees-estimate-phone");
    }
}
