using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BackOffice.Web.Tests.Browser;

/// <summary>A patient asks for their own records online, end to end in Chromium, in English and in Spanish on a desktop and on a
/// phone, then finds the request on the status page; the phone's folded step list; secure e-mail with a passphrase.</summary>
public sealed class PatientJourneyBrowserTests
{
    // The smallest valid JPEG header the upload check recognises, padded; the app stores bytes, it does not decode them.
    private static readonly byte[] PhotoId = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, .. new byte[512]];

    private static Task ContinueAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

    /// <summary>
    /// The words a person reads and answers on the way, in each language of the public pages. Typed here, not read from the
    /// app's resources, so a page that shows another language's words (a missing translation) fails.
    /// </summary>
    private sealed record JourneyWords
    {
        public required string LanguageLink { get; init; }
        public required string AskOnline { get; init; }
        public required string WizardTitle { get; init; }
        public required string Me { get; init; }
        public required string PersonAsking { get; init; }
        public required string Continue { get; init; }
        public required string ProblemTitle { get; init; }
        public required string LastNameMissing { get; init; }
        public required string LastName { get; init; }
        public required string DateOfBirth { get; init; }
        public required string Phone { get; init; }
        public required string Street { get; init; }
        public required string City { get; init; }
        public required string State { get; init; }
        public required string PostalCode { get; init; }
        public required string ReleaseTitle { get; init; }
        public required string AllRecords { get; init; }
        public required string Mail { get; init; }
        public required string PaperCopies { get; init; }
        public required string PurposeTitle { get; init; }
        public required string SignLabel { get; init; }
        public required string Agree { get; init; }
        public required string ReviewTitle { get; init; }
        public required string BirthDateWritten { get; init; }
        public required string Send { get; init; }
        public required string Received { get; init; }
        public required string Within30Days { get; init; }
        public required string TrackingNumber { get; init; }
        public required string PatientsDateOfBirth { get; init; }
        public required string ShowRequest { get; init; }
        public required string WhatHasHappened { get; init; }
    }

    private static readonly Dictionary<string, JourneyWords> Words = new(StringComparer.Ordinal)
    {
        ["en"] = new JourneyWords
        {
            LanguageLink = "English", AskOnline = "Ask online", WizardTitle = "Ask for medical records online",
            Me = "Me: I am the patient", PersonAsking = "The person asking", Continue = "Continue",
            ProblemTitle = "There is a problem", LastNameMissing = "Enter the patient's last name.",
            LastName = "Last name", DateOfBirth = "Date of birth", Phone = "Phone", Street = "Street address", City = "City", State = "State",
            PostalCode = "ZIP code", ReleaseTitle = "Whose records, and who receives them", AllRecords = "All records", Mail = "Mail",
            PaperCopies = "Paper copies", PurposeTitle = "Purpose (optional)", SignLabel = "Type your full name to sign",
            Agree = "I agree that typing my name is my signature", ReviewTitle = "Check and send your request",
            BirthDateWritten = "March 31, 1980", Send = "Send the request", Received = "Request received", Within30Days = "within 30 days",
            TrackingNumber = "Tracking number", PatientsDateOfBirth = "Patient's date of birth", ShowRequest = "Show the request",
            WhatHasHappened = "What has happened",
        },
        ["es"] = new JourneyWords
        {
            LanguageLink = "Español", AskOnline = "Solicitar en línea", WizardTitle = "Solicitar expedientes médicos en línea",
            Me = "Yo: soy el o la paciente", PersonAsking = "La persona que hace la solicitud", Continue = "Continuar",
            ProblemTitle = "Hay un problema", LastNameMissing = "Escriba el apellido del paciente.",
            LastName = "Apellido", DateOfBirth = "Fecha de nacimiento", Phone = "Teléfono", Street = "Calle y número", City = "Ciudad",
            State = "Estado", PostalCode = "Código postal (ZIP)", ReleaseTitle = "Qué expedientes y quién los recibe",
            AllRecords = "Todos los expedientes", Mail = "Correo postal", PaperCopies = "Copias en papel", PurposeTitle = "Propósito (opcional)",
            SignLabel = "Escriba su nombre completo para firmar", Agree = "Acepto que escribir mi nombre es mi firma",
            ReviewTitle = "Revise y envíe su solicitud", BirthDateWritten = "31 de marzo de 1980", Send = "Enviar la solicitud",
            Received = "Solicitud recibida", Within30Days = "en un plazo de 30 días", TrackingNumber = "Número de seguimiento",
            PatientsDateOfBirth = "Fecha de nacimiento del paciente", ShowRequest = "Ver la solicitud", WhatHasHappened = "Lo que ha pasado",
        },
    };

    /// <summary>
    /// The whole route in each language on a desktop and on a 390×844 phone: the language chosen on the landing page, every
    /// step (one after a failed check), the review, the confirmation with its tracking number, then the status page finds
    /// the request. Each page is in the chosen language and fits the screen's width.
    /// </summary>
    [Theory]
    [InlineData("en", false)]
    [InlineData("en", true)]
    [InlineData("es", false)]
    [InlineData("es", true)]
    public async Task APatient_RequestsTheirRecordsOnline_AndFindsTheRequestOnTheStatusPage(string language, bool phone)
    {
        var words = Words[language];
        var width = phone ? 390 : 1280;
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(phone);

        // Each page in the chosen language, nothing pushed sideways (longer Spanish words on a narrow phone).
        async Task ShouldBeReadableAsync(string step)
        {
            (await page.GetAttributeAsync("html", "lang")).ShouldBe(language, step);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, step);
            await BrowserSession.ScreenshotAsync(page, $"journey-{language}-{(phone ? "phone" : "desktop")}-{step}");
        }

        Task NextAsync() => page.GetByRole(AriaRole.Button, new() { Name = words.Continue, Exact = true }).ClickAsync();

        await page.GotoAsync("/");
        // The language switch, as a visitor finds it on the landing page (English is where every visit starts).
        if (language != "en") await page.GetByRole(AriaRole.Link, new() { Name = words.LanguageLink, Exact = true }).ClickAsync();
        await ShouldBeReadableAsync("01-landing");
        await page.GetByRole(AriaRole.Link, new() { Name = words.AskOnline }).First.ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = words.WizardTitle }).WaitForAsync();
        await page.GetByLabel(words.Me).CheckAsync();
        await page.GetByLabel(words.PersonAsking).CheckAsync();
        await ShouldBeReadableAsync("02-who");
        await NextAsync();

        // A step that fails its checks keeps what was typed and says what is wrong next to the field; the summary takes the focus.
        await page.Locator("[name='Patient.FirstName']").FillAsync("María");
        await NextAsync();
        (await page.Locator("#Patient_LastName-error").TextContentAsync())!.Trim().ShouldBe(words.LastNameMissing);
        (await page.EvaluateAsync<string>("document.activeElement.className")).ShouldContain("error-summary");
        (await page.Locator(".error-summary h2").TextContentAsync())!.Trim().ShouldBe(words.ProblemTitle);
        (await page.Locator("[name='Patient.FirstName']").InputValueAsync()).ShouldBe("María");
        await ShouldBeReadableAsync("03-patient-error");
        await page.GetByLabel(words.LastName, new() { Exact = true }).FillAsync("López-Navegador");
        await page.GetByLabel(words.DateOfBirth, new() { Exact = true }).FillAsync("1980-03-31");
        await page.GetByLabel(words.Phone, new() { Exact = true }).FillAsync("630-555-0100");
        await page.Locator("[name='Patient.Email']").FillAsync("maria@example.com");
        await page.GetByLabel(words.Street, new() { Exact = true }).FillAsync("12 Elm Street");
        await page.GetByLabel(words.City, new() { Exact = true }).FillAsync("Naperville");
        await page.GetByLabel(words.State, new() { Exact = true }).FillAsync("IL");
        await page.GetByLabel(words.PostalCode, new() { Exact = true }).FillAsync("60540");
        await NextAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = words.ReleaseTitle }).WaitForAsync();
        await page.Locator("[name='Locations'][value='MedicalGroup']").CheckAsync();
        await ShouldBeReadableAsync("04-release");
        await NextAsync();

        await page.GetByLabel(words.AllRecords, new() { Exact = true }).CheckAsync();
        await ShouldBeReadableAsync("05-information");
        await NextAsync();

        await page.GetByLabel(words.Mail, new() { Exact = true }).CheckAsync();
        await page.GetByLabel(words.PaperCopies, new() { Exact = true }).CheckAsync();
        await ShouldBeReadableAsync("06-delivery");
        await NextAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = words.PurposeTitle }).WaitForAsync();
        await ShouldBeReadableAsync("07-purpose");
        await NextAsync();

        await page.GetByLabel(words.SignLabel).FillAsync("María López-Navegador");
        await page.GetByLabel(words.Agree).CheckAsync();
        await page.Locator("#PhotoId").SetInputFilesAsync(new FilePayload { Name = "license.jpg", MimeType = "image/jpeg", Buffer = PhotoId });
        await ShouldBeReadableAsync("08-sign");
        await NextAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = words.ReviewTitle }).WaitForAsync();
        (await page.ContentAsync()).ShouldContain(words.BirthDateWritten);
        await ShouldBeReadableAsync("09-review");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Send }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = words.Received }).WaitForAsync();
        var tracking = (await page.Locator(".tracking-number").TextContentAsync())!.Trim();
        tracking.ShouldMatch("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$");
        (await page.ContentAsync()).ShouldContain(words.Within30Days);
        await ShouldBeReadableAsync("10-confirmation");

        var request = await session.Factory.QueryAsync(db => db.Requests.SingleAsync(r => r.TrackingNumber == tracking));
        request.Language.ShouldBe(language);
        request.Patient.LastName.ShouldBe("López-Navegador");
        request.Delivery.ShouldBe(Workflows.Requests.DeliveryMethod.Mail);

        // The tracking number as a person may type it back: lower case, spaces for the dashes.
        await page.GotoAsync("/status");
        await page.GetByLabel(words.TrackingNumber).FillAsync(tracking.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        await page.GetByLabel(words.PatientsDateOfBirth).FillAsync("1980-03-31");
        await page.GetByRole(AriaRole.Button, new() { Name = words.ShowRequest }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = words.WhatHasHappened }).WaitForAsync();
        (await page.Locator("h1").TextContentAsync())!.ShouldContain(tracking);
        await ShouldBeReadableAsync("11-status");
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
