using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BackOffice.Web.Tests.Browser;

/// <summary>A patient asks for their own records online, end to end in Chromium, then finds the request on the status page.</summary>
public sealed class PatientJourneyBrowserTests
{
    // The smallest valid JPEG header the upload check recognises, padded; the app stores bytes, it does not decode them.
    private static readonly byte[] PhotoId = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, .. new byte[512]];

    private static Task ContinueAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

    [Fact]
    public async Task APatient_RequestsTheirRecordsOnline_AndFindsTheRequestOnTheStatusPage()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();

        await page.GotoAsync("/");
        await BrowserSession.ScreenshotAsync(page, "patient-01-landing");
        await page.GetByRole(AriaRole.Link, new() { Name = "online", Exact = false }).First.ClickAsync();

        await page.GetByLabel("Me: I am the patient").CheckAsync();
        await page.GetByLabel("The person asking").CheckAsync();
        await BrowserSession.ScreenshotAsync(page, "patient-02-who");
        await ContinueAsync(page);

        // A step that fails validation keeps what was typed and says what is wrong next to the field.
        await page.Locator("[name='Patient.FirstName']").FillAsync("Maria");
        await ContinueAsync(page);
        (await page.Locator("#Patient_LastName-error").TextContentAsync())!.Trim().ShouldNotBeEmpty();
        (await page.Locator("[name='Patient.FirstName']").InputValueAsync()).ShouldBe("Maria");
        await BrowserSession.ScreenshotAsync(page, "patient-03-patient-error");
        await page.Locator("[name='Patient.LastName']").FillAsync("Lopez-Browser");
        await page.Locator("[name='Patient.DateOfBirth']").FillAsync("1980-03-31");
        await page.Locator("[name='Patient.Phone']").FillAsync("630-555-0100");
        await page.Locator("[name='Patient.Email']").FillAsync("maria@example.com");
        await page.Locator("[name='Patient.Address.Line1']").FillAsync("12 Elm Street");
        await page.Locator("[name='Patient.Address.City']").FillAsync("Naperville");
        await page.Locator("[name='Patient.Address.State']").FillAsync("IL");
        await page.Locator("[name='Patient.Address.PostalCode']").FillAsync("60540");
        await ContinueAsync(page);

        await page.Locator("[name='Locations'][value='MedicalGroup']").CheckAsync();
        await BrowserSession.ScreenshotAsync(page, "patient-04-release");
        await ContinueAsync(page);

        await page.GetByLabel("All records").CheckAsync();
        await BrowserSession.ScreenshotAsync(page, "patient-05-information");
        await ContinueAsync(page);

        await page.Locator("[name='Delivery'][value='Mail']").CheckAsync();
        await page.Locator("[name='Format'][value='Paper']").CheckAsync();
        await BrowserSession.ScreenshotAsync(page, "patient-06-delivery");
        await ContinueAsync(page);

        await BrowserSession.ScreenshotAsync(page, "patient-07-purpose");
        await ContinueAsync(page);

        await page.GetByLabel("Type your full name to sign").FillAsync("Maria Lopez-Browser");
        await page.GetByLabel("I agree that typing my name is my signature").CheckAsync();
        await page.Locator("#PhotoId").SetInputFilesAsync(new FilePayload { Name = "license.jpg", MimeType = "image/jpeg", Buffer = PhotoId });
        await BrowserSession.ScreenshotAsync(page, "patient-08-sign");
        await ContinueAsync(page);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Check and send your request" }).WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "patient-09-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Request received" }).WaitForAsync();
        var tracking = (await page.Locator(".tracking-number").TextContentAsync())!.Trim();
        tracking.ShouldMatch("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$");
        (await page.ContentAsync()).ShouldContain("within 30 days");
        await BrowserSession.ScreenshotAsync(page, "patient-10-confirmation");

        var phone = await session.NewPageAsync(phone: true);
        await phone.GotoAsync("/status");
        await phone.GetByLabel("Tracking number").FillAsync(tracking.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        await phone.GetByLabel("Patient's date of birth").FillAsync("1980-03-31");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Show the request" }).ClickAsync();

        await phone.GetByRole(AriaRole.Heading, new() { Name = "What has happened" }).WaitForAsync();
        (await phone.Locator("h1").TextContentAsync())!.ShouldContain(tracking);
        await BrowserSession.ScreenshotAsync(phone, "patient-11-status-phone");
    }

    [Fact]
    public async Task OnAPhone_TheStepListFolds_TheFirstQuestionIsAboveTheFold_AndAFailedStepFocusesTheErrorSummary()
    {
        await using var session = await BrowserSession.StartAsync();
        var phone = await session.NewPageAsync(phone: true);
        await phone.GotoAsync("/request");

        (await phone.Locator(".steps ol").IsVisibleAsync()).ShouldBeFalse();
        var first = await phone.GetByLabel("Me: I am the patient").BoundingBoxAsync();
        (first!.Y + first.Height).ShouldBeLessThan(844f, "the first answer is on the first screen of a 390×844 phone");
        await BrowserSession.ScreenshotAsync(phone, "patient-phone-01-who");
        await phone.Locator(".steps summary").ClickAsync();
        (await phone.Locator(".steps ol").IsVisibleAsync()).ShouldBeTrue();

        await ContinueAsync(phone);
        await phone.Locator(".error-summary").WaitForAsync();
        (await phone.EvaluateAsync<string>("document.activeElement.className")).ShouldContain("error-summary");

        var desk = await session.NewPageAsync();
        await desk.GotoAsync("/request");
        (await desk.Locator(".steps ol").IsVisibleAsync()).ShouldBeTrue();
        (await desk.Locator(".steps summary").IsVisibleAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task APatient_ChoosesSecureEmail_WithAPassphrase_AndTheRecordsArriveAsAFileOnlyItOpens()
    {
        const string passphrase = "harbor lantern violet seven";
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync();
        await page.GotoAsync("/request");
        await page.GetByLabel("Me: I am the patient").CheckAsync();
        await page.GetByLabel("The person asking").CheckAsync();
        await ContinueAsync(page);
        await page.Locator("[name='Patient.FirstName']").FillAsync("Maria");
        await page.Locator("[name='Patient.LastName']").FillAsync("Lopez-Secure");
        await page.Locator("[name='Patient.DateOfBirth']").FillAsync("1980-03-31");
        await page.Locator("[name='Patient.Email']").FillAsync("maria.secure@example.com");
        await ContinueAsync(page);
        await ContinueAsync(page);
        // The patient's own records: nothing to consent to, only what to leave out, if anything.
        (await page.ContentAsync()).ShouldNotContain("I consent to the release of");
        await page.GetByLabel("All records").CheckAsync();
        await ContinueAsync(page);

        await page.Locator("[name='Delivery'][value='SecureEmail']").CheckAsync();
        await page.GetByLabel("Passphrase", new() { Exact = true }).FillAsync(passphrase);
        await page.GetByLabel("Passphrase again").FillAsync(passphrase);
        await page.Locator("[name='Format'][value='Electronic']").CheckAsync();
        await BrowserSession.ScreenshotAsync(page, "patient-secure-01-delivery");
        await ContinueAsync(page);
        await ContinueAsync(page);
        await page.GetByLabel("Type your full name to sign").FillAsync("Maria Lopez-Secure");
        await page.GetByLabel("I agree that typing my name is my signature").CheckAsync();
        await page.Locator("#PhotoId").SetInputFilesAsync(new FilePayload { Name = "license.jpg", MimeType = "image/jpeg", Buffer = PhotoId });
        await ContinueAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Request received" }).WaitForAsync();
        var tracking = (await page.Locator(".tracking-number").TextContentAsync())!.Trim();

        // Staff compile, review and send it; the worker e-mails the records (written as .eml files without an SMTP server).
        var request = await session.Factory.QueryAsync(db => db.Requests.SingleAsync(r => r.TrackingNumber == tracking));
        var state = await session.Factory.ThroughReviewAsync(request.Id, electronicPages: 2, package: SecureEmail.Poppler.PdfWith("Knee MRI report"));
        if (state == "AwaitingPayment") await session.Factory.PayInFullAsync(request.Id);
        await session.Factory.FireAsync(request.Id, "SendSecurely", RequestScenarios.Clerk);
        await SecureEmail.SecureEmailScenario.DispatchAsync(session.Factory, (await SecureEmail.SecureEmailScenario.RecordsRowAsync(session.Factory, request.Id)).Id);

        var mail = Directory.GetFiles(Path.Combine(session.Factory.DataDirectory, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == "maria.secure@example.com") && m.Attachments.Any()).ShouldHaveSingleItem();
        using var file = new MemoryStream();
        ((MimeKit.MimePart)mail.Attachments.Single()).Content!.DecodeTo(file);
        SecureEmail.Poppler.Text(file.ToArray(), passphrase).Text.ShouldContain("Knee MRI report");
        SecureEmail.Poppler.Text(file.ToArray()).ExitCode.ShouldNotBe(0);
        (await session.Factory.LoadAsync(request.Id)).State.ShouldBe("Completed");
    }
}
