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

    [Fact]
    public async Task ASpanishReader_SwitchesLanguage_AndGetsTheEstimateInSpanish_WithoutAReload()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(phone: true);
        await page.GotoAsync("/fees");

        await page.GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();
        // The navigation committed, then the page's heading, not a load state: a loaded CI machine's Chromium once never
        // reported one for the page shown.
        await page.WaitForURLAsync("**/fees", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("h1").First.WaitForAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("es");
        await page.GetByLabel("¿Quién hace la solicitud?").SelectOptionAsync("Attorney");
        await page.GetByLabel("¿Aproximadamente cuántas páginas?").FillAsync("120");
        await page.GetByLabel("Fecha en que recibimos la solicitud").FillAsync("2024-06-01");
        var apiCall = page.WaitForResponseAsync("**/api/fee-estimate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calcular el costo" }).ClickAsync();
        (await apiCall).Status.ShouldBe(200);

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Costo estimado" });
        await heading.WaitForAsync();
        (await heading.TextContentAsync()).ShouldBe("Costo estimado: $119.07 más el franqueo");
        (await page.Locator("#fee-result tbody tr").First.TextContentAsync())!.ShouldContain("Cargo por manejo");
        (await page.Locator("#fee-result th").First.TextContentAsync()).ShouldBe("Cargo");
        (await page.Locator("#fee-result .hint").TextContentAsync())!.ShouldContain("Tarifas vigentes el 1 de junio de 2024 (tarifas de copias de Illinois de 2024).");
        await BrowserSession.ScreenshotAsync(page, "fees-estimate-phone-es");
    }
}
