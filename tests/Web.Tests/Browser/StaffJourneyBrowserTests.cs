using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using Microsoft.Playwright;

namespace BackOffice.Web.Tests.Browser;

/// <summary>
/// A clerk signs in and takes a mailed request from Received to Completed in Chromium (a second clerk approves it in
/// quality review, as the lifecycle demands); then a supervisor finds it on the dashboard.
/// </summary>
public sealed class StaffJourneyBrowserTests
{
    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(BackOfficeFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in: the header offers to sign out (a failed sign-in stays on the form with its message).
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    private static async Task ActAsync(IPage page, string trigger, string screenshot)
    {
        var shown = await page.Locator(".request-state").GetAttributeAsync("data-version");
        await page.Locator($"form#{trigger} button[name='trigger'][value='{trigger}']").ClickAsync();
        // The page comes back with a newer version of the request and says what was done.
        await page.Locator($".request-state:not([data-version='{shown}'])").WaitForAsync();
        (await page.Locator(".status-message").TextContentAsync())!.ShouldStartWith("Done");
        await BrowserSession.ScreenshotAsync(page, screenshot);
    }

    private static async Task<string> StateShownAsync(IPage page) =>
        (await page.Locator("[data-state]").First.GetAttributeAsync("data-state"))!;

    [Fact]
    public async Task AClerk_TakesARequestFromReceivedToCompleted_AndASupervisorSeesItOnTheDashboard()
    {
        await using var session = await BrowserSession.StartAsync();
        var request = await session.Factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.Mail, RecordFormat.Paper));

        var clerk = await session.NewPageAsync();
        await SignInAsync(clerk, "clerk");
        await clerk.GotoAsync("/Staff/Requests");
        await clerk.GetByLabel("Search").FillAsync(request.TrackingNumber);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await BrowserSession.ScreenshotAsync(clerk, "staff-01-queue");
        await clerk.GetByRole(AriaRole.Link, new() { Name = request.TrackingNumber }).ClickAsync();
        (await StateShownAsync(clerk)).ShouldBe("Received");

        await clerk.GetByLabel("I checked the requester's identity").CheckAsync();
        await ActAsync(clerk, "Verify", "staff-02-verified");
        await ActAsync(clerk, "StartFulfillment", "staff-03-fulfilment");
        await clerk.Locator("#RecordPages_paper").FillAsync("25");
        // The patient's own records include mental-health records: recorded, and nothing is withheld (45 CFR 164.524).
        await clerk.Locator("#RecordPages_containsMentalHealth").CheckAsync();
        await clerk.Locator("#RecordPages_contentsChecked").CheckAsync();
        await ActAsync(clerk, "RecordPages", "staff-04-pages");
        (await clerk.Locator("#rules-title + dl").TextContentAsync())!.ShouldContain("Mental health");
        await ActAsync(clerk, "SubmitForReview", "staff-05-review");
        (await StateShownAsync(clerk)).ShouldBe("QualityReview");
        // The compiler cannot approve their own work: the page says why.
        (await clerk.Locator(".why-not").TextContentAsync())!.ShouldContain("Approve");

        var reviewer = await session.NewPageAsync();
        await SignInAsync(reviewer, "reviewer");
        await reviewer.GotoAsync($"/Staff/Requests/{request.Id}");
        await ActAsync(reviewer, "Approve", "staff-06-approved");

        // 25 paper pages for the patient's own copy carry a fee: the invoice is issued on approval.
        await clerk.ReloadAsync();
        (await StateShownAsync(clerk)).ShouldBe("AwaitingPayment");
        // Cash is refused with a message next to the form; a check with its number is taken.
        await clerk.Locator("#RecordPayment_method").SelectOptionAsync("Cash");
        await clerk.Locator("form#RecordPayment button[name='trigger']").ClickAsync();
        // The page comes back with the refusal next to the form (waited for, not read before the post returns).
        await clerk.Locator("#RecordPayment-error, #RecordPayment_method-error")
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("cash", System.Text.RegularExpressions.RegexOptions.IgnoreCase) })
            .First.WaitForAsync();
        await BrowserSession.ScreenshotAsync(clerk, "staff-07-cash-refused");
        await clerk.Locator("#RecordPayment_method").SelectOptionAsync("Check");
        await clerk.Locator("#RecordPayment_checkNumber").FillAsync("1042");
        await ActAsync(clerk, "RecordPayment", "staff-08-paid");

        (await StateShownAsync(clerk)).ShouldBe("ReadyForRelease");
        await ActAsync(clerk, "Mail", "staff-09-mailed");
        (await StateShownAsync(clerk)).ShouldBe("Completed");
        (await clerk.Locator(".timeline").TextContentAsync())!.ShouldContain("Mailed");

        var supervisor = await session.NewPageAsync();
        await SignInAsync(supervisor, "supervisor");
        await supervisor.GotoAsync("/Staff/Dashboard");
        await BrowserSession.ScreenshotAsync(supervisor, "staff-10-dashboard");
        (await supervisor.Locator("#card-completed .dashboard-card-value").TextContentAsync())!.Trim().ShouldBe("1");
    }
}
