using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BackOffice.Web.Tests.Portal;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Localization;

/// <summary>The public pages other than the online request, in Spanish: /status, /portal, /fees (and its API), errors.</summary>
public sealed class SpanishPublicPagesTests : IAsyncDisposable
{
    private readonly PortalScenario _app = new();

    private BackOfficeFactory Factory => _app.Factory;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task StatusLookup_InSpanish_AsksAndAnswersInSpanish()
    {
        using var client = Factory.CreateBrowser();
        await client.ChooseSpanishAsync();

        var (_, page) = await client.GetPageAsync("/status");
        var empty = Decoded(await (await client.PostFormAsync("/status", new Dictionary<string, string>())).Content.ReadAsStringAsync());
        var unknown = Decoded(await (await client.PostFormAsync("/status", new Dictionary<string, string>
        {
            ["TrackingNumber"] = "K7QM-4XPD-9RTA", ["DateOfBirth"] = "15/04/1980",
        })).Content.ReadAsStringAsync());

        Languages.HtmlLang(page).ShouldBe("es");
        page.ShouldContain("<label for=\"TrackingNumber\">Número de seguimiento</label>");
        page.ShouldContain("Día, mes y año, por ejemplo 27/03/1985.");
        empty.ShouldContain("<h2 id=\"error-summary-title\">Hay un problema</h2>");
        empty.ShouldContain("<a href=\"#TrackingNumber\">Escriba el número de seguimiento.</a>");
        empty.ShouldContain("<a href=\"#DateOfBirth\">Escriba la fecha de nacimiento del paciente.</a>");
        unknown.ShouldContain("No encontramos ninguna solicitud con ese número de seguimiento y esa fecha de nacimiento.");
    }

    [Fact]
    public async Task StatusPage_InSpanish_ShowsTheInvoice_TheTimeline_AndDatesInSpanish()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());
        (await Factory.ThroughReviewAsync(request.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
        using var client = Factory.CreateBrowser();
        await client.ChooseSpanishAsync();
        // A Spanish reader types the date of birth day first.
        (await client.PostFormAsync("/status", new Dictionary<string, string>
        {
            ["TrackingNumber"] = request.TrackingNumber, ["DateOfBirth"] = "15/04/1980",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html = Decoded((await client.GetPageAsync($"/status/{request.Id}")).Html);

        Languages.HtmlLang(html).ShouldBe("es");
        html.ShouldContain("Hay un pago pendiente");
        html.ShouldContain("Se emitió la factura");
        html.ShouldContain("Factura de la solicitud " + request.TrackingNumber);
        var lines = (await Factory.LoadAsync(request.Id)).FeeLines;
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            html.ShouldNotContain(line.Description);
            html.ShouldNotContain(line.Basis);
        }

        html.ShouldContain("Mano de obra para hacer las copias (según el costo): ");
        html.ShouldContain("tabla de costos promedio del grupo médico");
        html.ShouldContain("<strong>No aceptamos efectivo.</strong>");
        var due = Workflows.Time.DateText.Written((await Factory.LoadAsync(request.Id)).EffectiveDueOn, System.Globalization.CultureInfo.GetCultureInfo("es"));
        due.ShouldContain(" de ");
        html.ShouldContain($"Le responderemos a más tardar el <strong>{due}</strong>.");
    }

    [Fact]
    public async Task FeesPage_InSpanish_EstimatesInSpanish_WithoutJavaScript()
    {
        using var client = Factory.CreateBrowser();
        await client.ChooseSpanishAsync();

        var response = await client.PostFormAsync("/fees", new Dictionary<string, string>
        {
            ["RequesterType"] = "Attorney", ["Format"] = "Paper", ["Pages"] = "120", ["DeliveryMethod"] = "Mail", ["Purpose"] = "Other",
            ["ReceivedOn"] = "2024-06-01",
        });
        var html = Decoded(await response.Content.ReadAsStringAsync());
        var bad = Decoded(await (await client.PostFormAsync("/fees", new Dictionary<string, string>
        {
            ["RequesterType"] = "Attorney", ["Format"] = "Paper", ["Pages"] = "lots", ["DeliveryMethod"] = "Mail",
        })).Content.ReadAsStringAsync());

        html.ShouldContain("<label for=\"RequesterType\">¿Quién hace la solicitud?</label>");
        html.ShouldContain("Costo estimado: <span data-total>$119.07 más el franqueo</span>");
        html.ShouldContain("Cargo por manejo");
        html.ShouldContain("Tarifas vigentes el 1 de junio de 2024 (tarifas de copias de Illinois de 2024).");
        bad.ShouldContain("Las páginas deben ser un número entero de 0 a 100,000.");
    }

    [Fact]
    public async Task FeeEstimateApi_AnswersInTheCallersLanguage_EnglishByDefault()
    {
        using var client = Factory.CreateBrowser();
        var body = new { requesterType = "Attorney", format = "Paper", pages = 120, receivedOn = "2024-06-01", deliveryMethod = "Mail" };
        using var spanish = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/fee-estimate", UriKind.Relative)) { Content = JsonContent.Create(body) };
        spanish.Headers.AcceptLanguage.ParseAdd("es-US");
        using var bad = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/fee-estimate", UriKind.Relative))
        {
            Content = JsonContent.Create(new { requesterType = "Plumber", format = "Paper", pages = 1, deliveryMethod = "Mail" }),
        };
        bad.Headers.AcceptLanguage.ParseAdd("es");

        var inSpanish = await (await client.SendAsync(spanish)).Content.ReadFromJsonAsync<JsonElement>();
        var inEnglish = await (await client.PostAsJsonAsync(new Uri("/api/fee-estimate", UriKind.Relative), body)).Content.ReadFromJsonAsync<JsonElement>();
        var refused = await (await client.SendAsync(bad)).Content.ReadFromJsonAsync<JsonElement>();

        inSpanish.GetProperty("lines")[0].GetProperty("description").GetString().ShouldBe("Cargo por manejo");
        inEnglish.GetProperty("lines")[0].GetProperty("description").GetString().ShouldBe("Handling charge");
        inSpanish.GetProperty("total").GetDecimal().ShouldBe(inEnglish.GetProperty("total").GetDecimal());
        refused.GetProperty("errors").GetProperty("requesterType")[0].GetString().ShouldBe(
            "'Plumber' no es ninguno de estos: Patient, PersonalRepresentative, Attorney, Insurer, Provider, OtherThirdParty.");
    }

    [Fact]
    public async Task ErrorPage_SpeaksTheLanguageOfThePageThatFailed_StaffPagesEnglish()
    {
        using var client = Factory.CreateBrowser();
        await client.ChooseSpanishAsync();

        var missing = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        var missingHtml = Decoded(await missing.Content.ReadAsStringAsync());
        var staffMissing = Decoded(await (await client.GetAsync(new Uri("/Staff/no-such-page", UriKind.Relative))).Content.ReadAsStringAsync());

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Languages.HtmlLang(missingHtml).ShouldBe("es");
        missingHtml.ShouldContain("<h1>No se encontró la página</h1>");
        missingHtml.ShouldContain("<a href=\"/language/en?returnUrl=%2Fno-such-page\" lang=\"en\" hreflang=\"en\">English</a>");
        Languages.HtmlLang(staffMissing).ShouldBe("en");
        staffMissing.ShouldNotContain("No se encontró");
        staffMissing.ShouldNotContain("language-switch");
    }

    [Fact]
    public async Task Portal_InSpanish_AsksForTheDateOfBirthAndTheCodeInSpanish()
    {
        var (_, token) = await _app.PublishedLinkAsync();
        using var client = Factory.CreateBrowser();
        await client.ChooseSpanishAsync();

        var (_, page) = await client.GetPageAsync($"/portal/{token}");
        var wrong = Decoded(await (await PortalScenario.EnterDateOfBirthAsync(client, token, "16/04/1980")).Content.ReadAsStringAsync());
        (await PortalScenario.EnterDateOfBirthAsync(client, token, "15/04/1980")).Location().ShouldBe($"/portal/{token}/code");
        var code = Decoded((await client.GetPageAsync($"/portal/{token}/code")).Html);
        var gone = Decoded(await (await client.GetAsync(new Uri($"/portal/{new string('A', 43)}", UriKind.Relative))).Content.ReadAsStringAsync());

        Languages.HtmlLang(page).ShouldBe("es");
        page.ShouldContain("<h1>Descargar sus expedientes</h1>");
        wrong.ShouldContain("No pudimos confirmar esa fecha de nacimiento. Revísela e inténtelo de nuevo.");
        code.ShouldContain("Enviamos un código de 6 dígitos por correo electrónico a m•••@example.org.");
        gone.ShouldContain("Este enlace no funciona");
    }
}
