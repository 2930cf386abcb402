using BackOffice.Web.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BackOffice.Web.Tests.Browser;

/// <summary>
/// axe-core (injected by Deque.AxeCore.Playwright) on every public page in English and in Spanish, on a desktop and on a
/// 390×844 phone: the landing page, each step of the online request (one of them as it shows after a failed check),
/// the review and the confirmation, the status lookup and the request it finds, the fee estimate and its answer, the
/// portal's page for a link that does not work, and the error page. Any serious or critical violation fails. Fields are
/// found by name, not by their words, so the same walk runs in both languages.
/// </summary>
public sealed class PublicAccessibilityBrowserTests
{
    private static readonly string[] Failing = ["serious", "critical"];
    private static readonly byte[] PhotoId = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, .. new byte[512]];

    [Theory]
    [InlineData("en", false)]
    [InlineData("es", true)]
    public async Task EveryPublicPage_HasNoSeriousOrCriticalAccessibilityViolation(string language, bool phone)
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(phone, bypassCsp: true);
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = session.BaseUrl,
        }]);
        var problems = new List<string>();
        var lastName = "Axe" + Guid.NewGuid().ToString("N")[..6];

        problems.AddRange(await CheckAsync(page, "/"));
        await page.GotoAsync("/request");
        (await page.GetAttributeAsync("html", "lang")).ShouldStartWith(language);
        problems.AddRange(await CheckHereAsync(page, "/request"));
        await page.Locator("[name='Requester.Type'][value='Patient']").CheckAsync();
        await page.Locator("[name='Receives'][value='Requester']").CheckAsync();
        await ContinueAsync(page);

        // The patient step as it shows after a failed check: messages next to the fields and the summary.
        await ContinueAsync(page);
        await page.Locator(".error-summary").WaitForAsync();
        problems.AddRange(await CheckHereAsync(page, "/request/patient (errors)"));
        await page.Locator("[name='Patient.FirstName']").FillAsync("Maria");
        await page.Locator("[name='Patient.LastName']").FillAsync(lastName);
        await page.Locator("[name='Patient.DateOfBirth']").FillAsync("1980-03-31");
        await page.Locator("[name='Patient.Phone']").FillAsync("630-555-0100");
        await page.Locator("[name='Patient.Email']").FillAsync("maria@example.com");
        await page.Locator("[name='Patient.Address.Line1']").FillAsync("12 Elm Street");
        await page.Locator("[name='Patient.Address.City']").FillAsync("Naperville");
        await page.Locator("[name='Patient.Address.State']").FillAsync("IL");
        await page.Locator("[name='Patient.Address.PostalCode']").FillAsync("60540");
        await ContinueAsync(page);

        problems.AddRange(await CheckHereAsync(page, "/request/release"));
        await page.Locator("[name='Locations'][value='MedicalGroup']").CheckAsync();
        await ContinueAsync(page);
        problems.AddRange(await CheckHereAsync(page, "/request/information"));
        await page.Locator("[name='Information.AllRecords'][value='true']").CheckAsync();
        await ContinueAsync(page);
        problems.AddRange(await CheckHereAsync(page, "/request/delivery"));
        await page.Locator("[name='Delivery'][value='Mail']").CheckAsync();
        await page.Locator("[name='Format'][value='Paper']").CheckAsync();
        await ContinueAsync(page);
        problems.AddRange(await CheckHereAsync(page, "/request/purpose"));
        await ContinueAsync(page);
        problems.AddRange(await CheckHereAsync(page, "/request/sign"));
        await page.Locator("[name='Signature.ElectronicSignature']").FillAsync("Maria " + lastName);
        await page.Locator("[name='Signature.Agreed']").CheckAsync();
        await page.Locator("#PhotoId").SetInputFilesAsync(new FilePayload { Name = "license.jpg", MimeType = "image/jpeg", Buffer = PhotoId });
        await ContinueAsync(page);
        await WaitForUrlAsync(page, "**/request/review");
        problems.AddRange(await CheckHereAsync(page, "/request/review"));
        await ContinueAsync(page);
        await WaitForUrlAsync(page, "**/request/done");
        problems.AddRange(await CheckHereAsync(page, "/request/done"));
        var tracking = (await page.Locator(".tracking-number").TextContentAsync())!.Trim();

        problems.AddRange(await CheckAsync(page, "/status"));
        await page.Locator("[name='TrackingNumber']").FillAsync(tracking);
        await page.Locator("[name='DateOfBirth']").FillAsync("1980-03-31");
        await page.Locator("main button[type='submit']").First.ClickAsync();
        await page.Locator("h1").Filter(new() { HasText = tracking }).WaitForAsync();
        problems.AddRange(await CheckHereAsync(page, "/status (the request)"));

        problems.AddRange(await CheckAsync(page, "/fees"));
        await page.Locator("[name='Pages']").FillAsync("40");
        await page.Locator("main button[type='submit']").First.ClickAsync();
        await page.Locator(".error-summary, table, .fee-total, [role='status']").First.WaitForAsync();
        problems.AddRange(await CheckHereAsync(page, "/fees (the estimate)"));

        problems.AddRange(await CheckAsync(page, "/portal/not-a-working-link", allowStatus: 404));
        problems.AddRange(await CheckAsync(page, "/Error"));

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Waits for the step after a send; when it does not come, fails saying where the browser is and what the page says
    /// (a timeout alone had left a failed CI run unexplained).
    /// </summary>
    private static async Task WaitForUrlAsync(IPage page, string url)
    {
        try
        {
            // The navigation committed, then the page's heading: twice (CI, then here) the browser was at the URL with its
            // heading drawn and no error, yet Chromium never reported a load state for it, so waiting for one timed out.
            await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator("h1").First.WaitForAsync();
        }
        catch (TimeoutException timeout)
        {
            // What is on the page now, without waiting for anything more (a page with no heading must not hide the report).
            var headings = await page.Locator("h1").AllTextContentsAsync();
            var errors = await page.Locator(".error-summary").AllTextContentsAsync();
            throw new TimeoutException(
                $"Waited for {url}; the browser is at {page.Url}, heading \"{string.Join(" | ", headings).Trim()}\", errors: {string.Join(" | ", errors)}", timeout);
        }
    }

    private static Task ContinueAsync(IPage page) => page.Locator("form.request-form button[type='submit']").First.ClickAsync();

    private static async Task<IEnumerable<string>> CheckAsync(IPage page, string url, int? allowStatus = null)
    {
        var response = await page.GotoAsync(url);
        response.ShouldNotBeNull();
        (response.Ok || response.Status == allowStatus).ShouldBeTrue($"{url} answered {response.Status}");
        return await CheckHereAsync(page, url);
    }

    private static async Task<IEnumerable<string>> CheckHereAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        result.Passes.Length.ShouldBeGreaterThan(0, $"axe-core checked nothing on {name}");
        return result.Violations
            .Where(v => Failing.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
            .Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}");
    }
}
