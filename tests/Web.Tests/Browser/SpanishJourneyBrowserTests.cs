using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace BackOffice.Web.Tests.Browser;

/// <summary>A patient who reads Spanish asks for their own records on a phone, end to end in Chromium.</summary>
public sealed class SpanishJourneyBrowserTests
{
    private const int PhoneWidth = 390;

    // The smallest valid JPEG header the upload check recognises, padded; the app stores bytes, it does not decode them.
    private static readonly byte[] PhotoId = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, .. new byte[512]];

    private static Task ContinueAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Continuar", Exact = true }).ClickAsync();

    /// <summary>The page is in Spanish and fits the phone's width (longer Spanish words push nothing sideways).</summary>
    private static async Task ShouldBeSpanishOnAPhoneAsync(IPage page, string name)
    {
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("es", name);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(PhoneWidth, name);
        await BrowserSession.ScreenshotAsync(page, "spanish-phone-" + name);
    }

    [Fact]
    public async Task APatientWhoReadsSpanish_ChoosesSpanish_AndRequestsTheirRecordsOnAPhone()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(phone: true);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Español", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Solicitar en línea" }).First.ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Solicitar expedientes médicos en línea" }).WaitForAsync();
        await ShouldBeSpanishOnAPhoneAsync(page, "01-who");
        await page.GetByLabel("Yo: soy el o la paciente").CheckAsync();
        await page.GetByLabel("La persona que hace la solicitud").CheckAsync();
        await ContinueAsync(page);

        // A step that fails its checks says what is wrong, in Spanish, next to the field; the summary takes the focus.
        await page.Locator("[name='Patient.FirstName']").FillAsync("María");
        await ContinueAsync(page);
        (await page.Locator("#Patient_LastName-error").TextContentAsync())!.Trim().ShouldBe("Escriba el apellido del paciente.");
        (await page.EvaluateAsync<string>("document.activeElement.className")).ShouldContain("error-summary");
        (await page.Locator(".error-summary h2").TextContentAsync())!.Trim().ShouldBe("Hay un problema");
        await ShouldBeSpanishOnAPhoneAsync(page, "02-patient-error");
        await page.GetByLabel("Apellido", new() { Exact = true }).FillAsync("López-Navegador");
        await page.GetByLabel("Fecha de nacimiento").FillAsync("1980-03-31");
        await page.GetByLabel("Teléfono", new() { Exact = true }).FillAsync("630-555-0100");
        await page.Locator("[name='Patient.Email']").FillAsync("maria@example.com");
        await page.GetByLabel("Calle y número").FillAsync("12 Elm Street");
        await page.GetByLabel("Ciudad").FillAsync("Naperville");
        await page.GetByLabel("Estado", new() { Exact = true }).FillAsync("IL");
        await page.GetByLabel("Código postal (ZIP)").FillAsync("60540");
        await ContinueAsync(page);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Qué expedientes y quién los recibe" }).WaitForAsync();
        await page.Locator("[name='Locations'][value='MedicalGroup']").CheckAsync();
        await ShouldBeSpanishOnAPhoneAsync(page, "03-release");
        await ContinueAsync(page);

        await page.GetByLabel("Todos los expedientes", new() { Exact = true }).CheckAsync();
        await ShouldBeSpanishOnAPhoneAsync(page, "04-information");
        await ContinueAsync(page);

        await page.GetByLabel("Correo postal", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Copias en papel", new() { Exact = true }).CheckAsync();
        await ShouldBeSpanishOnAPhoneAsync(page, "05-delivery");
        await ContinueAsync(page);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Propósito (opcional)" }).WaitForAsync();
        await ShouldBeSpanishOnAPhoneAsync(page, "06-purpose");
        await ContinueAsync(page);

        await page.GetByLabel("Escriba su nombre completo para firmar").FillAsync("María López-Navegador");
        await page.GetByLabel("Acepto que escribir mi nombre es mi firma").CheckAsync();
        await page.Locator("#PhotoId").SetInputFilesAsync(new FilePayload { Name = "licencia.jpg", MimeType = "image/jpeg", Buffer = PhotoId });
        await ShouldBeSpanishOnAPhoneAsync(page, "07-sign");
        await ContinueAsync(page);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Revise y envíe su solicitud" }).WaitForAsync();
        (await page.ContentAsync()).ShouldContain("31 de marzo de 1980");
        await ShouldBeSpanishOnAPhoneAsync(page, "08-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar la solicitud" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Solicitud recibida" }).WaitForAsync();
        await ShouldBeSpanishOnAPhoneAsync(page, "09-done");
        var tracking = (await page.Locator(".tracking-number").TextContentAsync())!.Trim();
        (await page.ContentAsync()).ShouldContain("en un plazo de 30 días");

        var request = await session.Factory.QueryAsync(db => db.Requests.SingleAsync(r => r.TrackingNumber == tracking));
        request.Language.ShouldBe("es");
        request.Patient.LastName.ShouldBe("López-Navegador");
        request.Delivery.ShouldBe(Workflows.Requests.DeliveryMethod.Mail);
    }
}
