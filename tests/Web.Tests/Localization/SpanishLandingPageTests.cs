using System.Net;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Localization;

/// <summary>The landing page in Spanish, the notice that language assistance is free (45 CFR 92.11) and its taglines.</summary>
public sealed class SpanishLandingPageTests
{
    [Fact]
    public async Task Landing_InSpanish_StatesThatLanguageAssistanceIsFree_AndGivesTheEnglishTagline()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var (status, html) = await client.GetInSpanishAsync("/");

        status.ShouldBe(HttpStatusCode.OK);
        Languages.HtmlLang(html).ShouldBe("es");
        html.ShouldContain("<h1>Solicitudes de expedientes médicos</h1>");
        html.ShouldContain("Asistencia con idiomas");
        html.ShouldContain("La asistencia con idiomas es gratuita.");
        html.ShouldContain("Llame al 1-630-873-8748 (TTY: 711)");
        html.ShouldContain("<li lang=\"en\" dir=\"ltr\">ATTENTION: If you speak English, free language assistance services are available to you. Call 1-630-873-8748 (TTY: 711).</li>");
        html.ShouldNotContain("<li lang=\"es\"");
    }

    [Fact]
    public async Task Landing_InEnglish_StatesThatLanguageAssistanceIsFree_AndGivesTheSpanishTagline()
    {
        await using var factory = new BackOfficeFactory();
        using var client = factory.CreateBrowser();

        var html = WebUtility.HtmlDecode((await client.GetPageAsync("/")).Html);

        Languages.HtmlLang(html).ShouldBe("en");
        html.ShouldContain("Language assistance is free.");
        html.ShouldContain("<li lang=\"es\" dir=\"ltr\">ATENCIÓN: si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. Llame al 1-630-873-8748 (TTY: 711).</li>");
    }

    [Fact]
    public async Task Landing_ListsEachTaglineAddedInConfiguration_InItsOwnLanguageAndDirection()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:LanguageAssistance:Taglines:pl"] = "UWAGA: Jeżeli mówisz po polsku, możesz skorzystać z bezpłatnej pomocy językowej. Zadzwoń pod numer {Phone}.",
            ["BackOffice:LanguageAssistance:Taglines:ar"] = "ملحوظة: اتصل برقم {Phone}.",
        });
        using var client = factory.CreateBrowser();

        var html = WebUtility.HtmlDecode((await client.GetPageAsync("/")).Html);

        html.ShouldContain("<li lang=\"pl\" dir=\"ltr\">UWAGA: Jeżeli mówisz po polsku, możesz skorzystać z bezpłatnej pomocy językowej. Zadzwoń pod numer 1-630-873-8748.</li>");
        html.ShouldContain("<li lang=\"ar\" dir=\"rtl\">ملحوظة: اتصل برقم 1-630-873-8748.</li>");
        html.IndexOf("<li lang=\"ar\"", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("<li lang=\"es\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Landing_InSpanish_UsesTheShippedTranslations_AndTheDepartmentsOwn()
    {
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Site:OrganisationName"] = "Prairie Clinics",
            ["BackOffice:Site:FeesNote"] = "Copies for {Organisation} patients start at no charge.",
            ["BackOffice:Site:PaymentNote"] = "We take cards only.",
            ["BackOffice:Site:Languages:es:PaymentNote"] = "Solo aceptamos tarjetas.",
        });
        using var client = factory.CreateBrowser();

        var (_, html) = await client.GetInSpanishAsync("/");

        html.ShouldContain("Pida a Prairie Clinics copias de expedientes médicos");
        html.ShouldContain("de lunes a viernes, de 8 a. m. a 5 p. m.");
        html.ShouldContain("Solo aceptamos tarjetas.");
        // Changed in English and not yet translated: the department's English, not a translation of the old sentence.
        html.ShouldContain("Copies for Prairie Clinics patients start at no charge.");
        html.ShouldNotContain("Las copias que se envían directamente");
    }
}
