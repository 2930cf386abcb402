using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Localization;
using BackOffice.Web.Pdf;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Site;
using BackOffice.Web.Tests.Localization;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace BackOffice.Web.Tests.Pdf;

/// <summary>
/// The paper form in Spanish: the same sections, choices and blanks as the English one, every word Spanish, at its own
/// address; the English form unchanged. A filled-in form is in the language the requester used, whole.
/// </summary>
public sealed partial class SpanishAuthorizationFormTests : IAsyncDisposable
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");
    private readonly BackOfficeFactory _factory = new(new Dictionary<string, string?>
    {
        ["BackOffice:Site:MailingAddress"] = "Records Office, 9 Elm Road, Naperville, IL 60540",
    });

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private async Task<(HttpResponseMessage Response, byte[] Pdf)> GetAsync(string path)
    {
        using var client = _factory.CreateBrowser();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SpanishForm_HasTheSameSectionsChoicesAndBlanks_AsTheEnglishOne_AllInSpanish()
    {
        var (response, pdf) = await GetAsync("/request/paper-form/es");
        var (_, englishPdf) = await GetAsync("/request/paper-form");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("autorizacion-para-divulgar-informacion-medica.pdf");
        var text = TextOf(pdf);
        var english = TextOf(englishPdf);
        text.ShouldStartWith("Autorización para divulgar información médica");

        // Sections 1-6 in the same order, with the online request's Spanish titles.
        var sections = Enum.GetValues<FormSection>().Where(s => FormSections.Number(s) is not null).ToList();
        sections.Count.ShouldBe(6);
        sections.Select(s => text.IndexOf(FormSections.Heading(s, Spanish), StringComparison.Ordinal))
            .ShouldBeInOrder(SortDirection.Ascending);
        foreach (var section in sections) text.ShouldContain(FormSections.Heading(section, Spanish));
        text.ShouldContain("Sección 4: Entrega y formato");

        // The same choices: every record type, the six consents to initial, the five deliveries; the same blanks.
        foreach (var type in RequestLabels.RecordTypes) text.ShouldContain(RequestLabels.RecordType(type, Spanish));
        Blanks().Count(text).ShouldBe(Blanks().Count(english));
        Regex.Count(text, "Iniciales: ______").ShouldBe(6);
        Regex.Count(english, "Initials: ______").ShouldBe(6);
        text.ShouldContain("Enviar por correo postal a la dirección de arriba");
        text.ShouldContain("Portal seguro en línea");
        text.ShouldContain("Llamar para recoger en persona (el paciente o su representante legal)");
        text.ShouldContain("Fecha de nacimiento (día/mes/año)");

        // The legal statements in the words the Spanish authorization is signed in, and the letters' notices.
        text.ShouldContain("Entiendo que puedo revocar esta autorización por escrito en cualquier momento");
        text.ShouldContain(LetterWords.Shipped.Get("es", "Notice.Hiv"));

        // The department's sentences in Spanish; names and addresses as configured.
        text.ShouldContain("Envíelo por correo postal a Records Office, 9 Elm Road, Naperville, IL 60540.");
        text.ShouldContain("Preguntas: 1-630-873-8748 (de lunes a viernes, de 8 a. m. a 5 p. m.). Si hay un costo, le enviamos una factura.");
        text.ShouldContain("No aceptamos efectivo.");

        // One language: no English form words.
        foreach (var englishWords in new[]
                 {
                     "Section", "Authorization for Release", "Patient name", "Secure online portal", "Initials", "Mail it to",
                     "Cash is not accepted", "Monday through Friday", "I understand", "Records of another facility",
                 })
        {
            text.ShouldNotContain(englishWords);
        }

        File.Exists(await Artifacts.RenderFirstPageAsync(pdf, "authorization-form-blank-es")).ShouldBeTrue();
    }

    [Fact]
    public async Task EnglishForm_StaysEnglish_WhenASpanishPageAsksForIt()
    {
        using var client = _factory.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/request/paper-form", UriKind.Relative));
        request.Headers.Add("Cookie", Languages.SpanishCookie);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = TextOf(await response.Content.ReadAsByteArrayAsync());
        text.ShouldStartWith("Authorization for Release of Health Information");
        text.ShouldContain("Section 4: Delivery and format");
        text.ShouldNotContain("Sección");
        text.ShouldNotContain("Correo");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("ES")]
    [InlineData("es-MX")]
    public async Task PaperForm_InALanguageItIsNotWrittenIn_IsNotFound(string language)
    {
        var (response, _) = await GetAsync("/request/paper-form/" + language);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EachLandingPage_LinksThePaperFormInItsOwnLanguage()
    {
        using var client = _factory.CreateBrowser();

        var (_, spanish) = await client.GetInSpanishAsync("/");
        var (_, english) = await client.GetPageAsync("/");

        spanish.ShouldContain("<a href=\"/request/paper-form/es\">Formulario en papel (PDF)</a>");
        english.ShouldContain("<a href=\"/request/paper-form\">Paper form (PDF)</a>");
        english.ShouldNotContain("/request/paper-form/es");
    }

    [Fact]
    public void FilledForm_OfASpanishRequest_IsWholeInSpanish_WithWhatTheRequesterTypedAsTyped()
    {
        var request = RecordsRequest.Create(Draft() with { Language = RequesterLanguage.Spanish }, new DateOnly(2026, 3, 2));

        var text = TextOf(AuthorizationFormPdf.Filled(SiteIn("es"), request));

        text.ShouldStartWith("Autorización para divulgar información médica");
        text.ShouldContain($"Número de seguimiento {request.TrackingNumber}.");
        text.ShouldContain("Zoë Nowak");
        text.ShouldContain("9 de julio de 1985");
        text.ShouldContain("/s/ Zoë Nowak (firmado electrónicamente)");
        text.ShouldContain("autoridad legal Paciente"); // the capacity stored in English, printed in Spanish
        text.ShouldContain("la rodilla en mayo"); // typed by the requester
        text.ShouldNotContain("07/09/1985");
        text.ShouldNotContain("signed electronically");
        text.ShouldNotContain("Section");
    }

    [Fact]
    public void FilledForm_OfAnEnglishRequest_StaysEnglish_WhateverLanguageThePageOrJobRendersIn()
    {
        var request = RecordsRequest.Create(Draft(), new DateOnly(2026, 3, 2));

        string text;
        using (SiteLanguages.Use(SiteLanguages.Spanish)) text = TextOf(AuthorizationFormPdf.Filled(new SiteOptions(), request));

        text.ShouldStartWith("Authorization for Release of Health Information");
        text.ShouldContain("07/09/1985");
        text.ShouldContain("/s/ Zoë Nowak (signed electronically)");
        text.ShouldContain("Section 6: Signature");
        text.ShouldNotContain("Sección");
        text.ShouldNotContain("firmado");
    }

    private SiteOptions SiteIn(string language) =>
        _factory.Services.GetRequiredService<LocalizedSite>().For(language);

    private static RecordsRequestDraft Draft()
    {
        var address = new PostalAddress { Line1 = "12 Oak Ave", City = "Lisle", State = "IL", PostalCode = "60532" };
        return new RecordsRequestDraft
        {
            Channel = RequestChannel.Online,
            Kind = RequestKind.Access,
            Patient = new PatientDetails { FirstName = "Zoë", LastName = "Nowak", DateOfBirth = new DateOnly(1985, 7, 9), Address = address },
            Requester = new RequesterDetails { Type = RequesterType.Patient, Name = "Zoë Nowak" },
            Recipient = new RecipientDetails { Type = RequesterType.Patient, Name = "Zoë Nowak", Address = address },
            Information = new RequestedInformation { AllRecords = false, Description = "Cirugía de la rodilla en mayo de 2023" },
            Delivery = DeliveryMethod.Pickup,
            Signature = new SignatureDetails
            {
                SignerName = "Zoë Nowak", SignerRelationship = "Patient", SignedOn = new DateOnly(2026, 3, 1), ElectronicSignature = "Zoë Nowak",
            },
        };
    }

    // A blank to write on: initials, and the unencrypted e-mail's acceptance.
    [GeneratedRegex("_{6}")]
    private static partial Regex Blanks();
}
