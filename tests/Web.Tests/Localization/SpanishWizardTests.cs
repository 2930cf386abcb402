using System.Net;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;

namespace BackOffice.Web.Tests.Localization;

/// <summary>
/// The online request in Spanish over HTTP, as a browser that chose Spanish (the language switch's cookie) or reads it
/// (Accept-Language): every page, its headings and messages in Spanish; what the request stores stays as it is in English.
/// </summary>
public sealed class SpanishWizardTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    private static readonly string[] Headings =
    [
        "<h1>Solicitar expedientes médicos en línea</h1>",
        "<h1>Sus datos como paciente</h1>",
        "<h1>Qué expedientes y quién los recibe</h1>",
        "<h1>Información que se divulga</h1>",
        "<h1>Entrega y formato</h1>",
        "<h1>Propósito (opcional)</h1>",
        "<h1>Firma e identificación con foto</h1>",
    ];

    private static readonly string[] ChosenRecordTypes = ["The most recent visit only", "Immunizations"];

    /// <summary>A form whose browser has chosen Spanish with the language switch.</summary>
    private RequestForm SpanishForm()
    {
        var form = new RequestForm(app.Factory);
        form.Cookies.Container.Add(new Uri("http://localhost/"), new Cookie(".AspNetCore.Culture", "c%3Den-US%7Cuic%3Des", "/"));
        return form;
    }

    [Fact]
    public async Task Wizard_CompletedInSpanish_EveryPageIsSpanish_AndTheRequestIsStoredWithLanguageEs()
    {
        using var form = SpanishForm();

        for (var i = 0; i < RequestForm.Paths.Length; i++)
        {
            var path = RequestForm.Paths[i];
            var (status, html) = await form.Client.GetPageAsync(path);
            html = WebUtility.HtmlDecode(html);
            status.ShouldBe(HttpStatusCode.OK, path);
            Languages.HtmlLang(html).ShouldBe("es", path);
            html.ShouldContain(Headings[i], customMessage: path);
            html.ShouldContain($"Paso {i + 1} de 7", customMessage: path);
            html.ShouldContain(i == 0 ? ">Continuar</button>" : ">Atrás</button>", customMessage: path);
            await form.CompleteThroughAsync(path);
        }

        var (_, review) = await form.Client.GetPageAsync("/request/review");
        review = WebUtility.HtmlDecode(review);
        Languages.HtmlLang(review).ShouldBe("es");
        review.ShouldContain("<h1>Revise y envíe su solicitud</h1>");
        review.ShouldContain("Sección 1: Paciente");
        review.ShouldContain("31 de marzo de 1980");
        review.ShouldContain("Sus derechos sobre sus expedientes");
        review.ShouldContain("Cuánto cuesta y cuándo respondemos");
        review.ShouldContain("Respondemos a más tardar el <strong>");
        review.ShouldContain(">Enviar la solicitud</button>");

        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");
        var (_, done) = await form.Client.GetPageAsync("/request/done");
        done = WebUtility.HtmlDecode(done);
        Languages.HtmlLang(done).ShouldBe("es");
        done.ShouldContain("<h1>Solicitud recibida</h1>");
        done.ShouldContain("Su número de seguimiento");
        done.ShouldContain("Qué pasa después");
        done.ShouldContain("Enviamos las copias por correo postal a la dirección que nos dio.");

        var stored = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        stored.Language.ShouldBe("es");
        stored.Signature.SignerRelationship.ShouldBe("Patient");
    }

    [Fact]
    public async Task StepWithMistakes_InSpanish_ShowsEachMessageInSpanish_NextToItsField_AndInTheSummary()
    {
        using var form = SpanishForm();
        await form.CompleteThroughAsync("/request");

        var response = await form.PostAsync("/request/patient",
        [
            KeyValuePair.Create("Patient.FirstName", new string('M', 101)),
            KeyValuePair.Create("Patient.DateOfBirth", "31/02/1980"),
            KeyValuePair.Create("Patient.Email", "maria.example.com"),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Languages.HtmlLang(html).ShouldBe("es");
        // The domain's check (RecordsRequestDraft.Validate), the form's own checks and a data-annotation limit.
        StaffClient.FieldError(html, "Patient_LastName").ShouldBe("Escriba el apellido del paciente.");
        StaffClient.FieldError(html, "Patient_DateOfBirth").ShouldBe("Escriba la fecha de nacimiento como una fecha válida, por ejemplo, 31/03/1980.");
        StaffClient.FieldError(html, "Patient_Email").ShouldBe("Escriba una dirección de correo electrónico como nombre@ejemplo.com.");
        StaffClient.FieldError(html, "Patient_FirstName").ShouldBe("Use como máximo 100 caracteres.");
        var summary = StaffClient.ErrorSummary(html);
        summary.ShouldContain("Escriba el apellido del paciente.");
        WebUtility.HtmlDecode(html).ShouldContain("<h2 id=\"error-summary-title\">Hay un problema</h2>");
        summary.ShouldAllBe(message => !message.StartsWith("Enter", StringComparison.Ordinal) && !message.StartsWith("Use at most", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DateTypedTheSpanishWay_DayFirst_IsReadAsThatDay()
    {
        using var form = SpanishForm();
        form.Answers.Patient["Patient.DateOfBirth"] = "31/03/1980";

        await form.CompleteThroughAsync("/request/sign");

        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");
        (await form.StoredRequestsAsync()).ShouldHaveSingleItem().Patient.DateOfBirth.ShouldBe(new DateOnly(1980, 3, 31));
    }

    [Fact]
    public async Task ChoicesShownInSpanish_AreStoredInEnglish_AndTheReviewShowsThemInSpanish()
    {
        using var form = SpanishForm();
        form.Answers.Who["Requester.Type"] = "PersonalRepresentative";
        form.Answers.Who["Requester.Authority"] = "Guardian";
        form.Answers.Who["Requester.AuthorityDescription"] = "Tutora nombrada por el tribunal";
        form.Answers.Who["Requester.Name"] = "Ana Lopez";
        form.Answers.Who["Requester.Email"] = "ana@example.com";
        form.Answers.Information["Information.AllRecords"] = "false";
        form.Answers.Information.Add("Information.RecordTypes", "The most recent visit only");
        form.Answers.Information.Add("Information.RecordTypes", "Immunizations");
        await form.CompleteThroughAsync("/request/release");

        var (_, information) = await form.Client.GetPageAsync("/request/information");
        information = WebUtility.HtmlDecode(information);
        // The check box sends the English the request stores; its label is Spanish.
        information.ShouldContain("value=\"The most recent visit only\"");
        information.ShouldContain(">Solo la consulta más reciente</label>");
        information.ShouldNotContain(">The most recent visit only</label>");

        await form.CompleteThroughAsync("/request/sign");
        var (_, review) = await form.Client.GetPageAsync("/request/review");
        review = WebUtility.HtmlDecode(review);
        review.ShouldContain("Solo la consulta más reciente, Vacunas");
        review.ShouldContain("Tutor legal: Tutora nombrada por el tribunal");
        review.ShouldContain("(Tutor legal)");

        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");
        var stored = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        stored.Information.RecordTypes.ShouldBe(ChosenRecordTypes);
        stored.Signature.SignerRelationship.ShouldBe("Legal guardian");
        stored.Requester.Authority.ShouldBe(Workflows.Requests.RepresentativeAuthority.Guardian);
    }

    [Fact]
    public async Task Authorization_InSpanish_StatesTheLegalStatementsInSpanish_AndTheReviewNamesTheAuthorization()
    {
        using var form = SpanishForm();
        form.Answers.AsAttorney();
        form.Answers.Information.Add("Consents.Categories", "Hiv");
        await form.CompleteThroughAsync("/request/purpose");

        var (_, sign) = await form.Client.GetPageAsync("/request/sign");
        sign = WebUtility.HtmlDecode(sign);
        sign.ShouldContain("<h2 id=\"statements-title\">Antes de firmar</h2>");
        sign.ShouldContain("Puede revocar esta autorización en cualquier momento");
        sign.ShouldContain("ya no esté protegida por la ley federal de privacidad (45 CFR 164.508(c)(2)(iii))");
        sign.ShouldContain("Información sobre el VIH: proviene de expedientes cuya confidencialidad protege la ley de Illinois");
        sign.ShouldContain("(410 ILCS 305/9, 305/10)");
        sign.ShouldNotContain("Information released under this authorization");

        await form.CompleteThroughAsync("/request/sign");
        var (_, review) = await form.Client.GetPageAsync("/request/review");
        review = WebUtility.HtmlDecode(review);
        review.ShouldContain("Autorización para divulgar expedientes a un tercero");
        review.ShouldContain("Sección 5: Propósito y vencimiento");
        review.ShouldContain("31 de diciembre de 2027");
        review.ShouldContain("Información de pruebas del VIH");
        review.ShouldContain("Se cobra por página según la tabla de tarifas de Illinois vigente");
    }

    [Fact]
    public async Task FreeCopiesForABenefitClaim_InSpanish_SayNoCharge_WithTheLegalBasisInSpanish()
    {
        using var form = SpanishForm();
        form.Answers.Purpose["Purpose"] = "SocialSecurity";
        await form.CompleteThroughAsync("/request/sign");

        var (_, review) = await form.Client.GetPageAsync("/request/review");
        review = WebUtility.HtmlDecode(review);

        review.ShouldContain("<strong>Sin costo</strong> por estas copias. (Illinois P.A. 102-0183 (");
        review.ShouldContain("Una solicitud de beneficios por discapacidad del Seguro Social");
        review.ShouldNotContain("(earlier P.A. 100-0814)");
        review.ShouldNotContain("<span lang=\"en\">");
    }

    [Fact]
    public async Task BrowserThatReadsSpanish_GetsTheWizardInSpanish_WithoutChoosing()
    {
        using var form = new RequestForm(app.Factory);
        form.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX");

        var (_, start) = await form.Client.GetPageAsync("/request");
        var empty = await form.PostAsync("/request");
        var html = await empty.Content.ReadAsStringAsync();

        Languages.HtmlLang(start).ShouldBe("es");
        StaffClient.FieldError(html, "Requester_Type").ShouldBe("Elija quién solicita los expedientes.");
        StaffClient.FieldError(html, "Receives").ShouldBe("Elija quién debe recibir las copias.");
    }

    /// <summary>
    /// A value the model binder cannot read (not one of the choices, not a yes/no) is refused by ASP.NET Core itself: its
    /// message is in the page's language, next to the field and in the summary, without the property's internal name.
    /// </summary>
    [Fact]
    public async Task ValueTheModelBinderCannotRead_OnASpanishStep_IsRefusedInSpanish_NextToTheField()
    {
        using var form = SpanishForm();
        await form.CompleteThroughAsync("/request/information");

        var response = await form.PostAsync("/request/delivery",
        [
            KeyValuePair.Create("Delivery", "abc"),
            KeyValuePair.Create("Format", "Paper"),
            KeyValuePair.Create("UnencryptedEmailRiskAccepted", "quizás"),
        ]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Languages.HtmlLang(html).ShouldBe("es");
        StaffClient.FieldError(html, "Delivery").ShouldBe("El valor \"abc\" no es válido.");
        StaffClient.FieldError(html, "UnencryptedEmailRiskAccepted").ShouldBe("El valor \"quizás\" no es válido.");
        var summary = StaffClient.ErrorSummary(html);
        summary.ShouldContain("El valor \"abc\" no es válido.");
        summary.ShouldAllBe(message => !message.Contains("is not valid", StringComparison.Ordinal) && !message.Contains("Delivery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValueTheModelBinderCannotRead_OnAnEnglishStep_IsRefusedInEnglish_WithoutTheInternalName()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/information");

        var response = await form.PostAsync("/request/delivery", [KeyValuePair.Create("Delivery", "abc"), KeyValuePair.Create("Format", "Paper")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        StaffClient.FieldError(await response.Content.ReadAsStringAsync(), "Delivery").ShouldBe("The value 'abc' is not valid.");
    }

    /// <summary>
    /// The form's address names its language: the English form asked for from a Spanish page is printed whole in English,
    /// never with Spanish section titles (one language per document). The Spanish form is at /request/paper-form/es
    /// (SpanishAuthorizationFormTests).
    /// </summary>
    [Fact]
    public async Task EnglishPaperForm_AskedForFromASpanishPage_IsPrintedWholeInEnglish()
    {
        using var form = SpanishForm();

        var response = await form.Client.GetAsync(new Uri("/request/paper-form", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.ShouldContain("Section 4: Delivery and format");
        text.ShouldContain("Secure online portal");
        text.ShouldNotContain("Sección");
        text.ShouldNotContain("Correo");
    }

    [Fact]
    public async Task Staff_SeeTheSpanishRequest_InEnglish()
    {
        using var form = SpanishForm();
        (await form.SubmitAsync()).Location().ShouldBe("/request/done");
        var stored = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var (status, html) = await clerk.GetWithAcceptLanguageAsync($"/Staff/Requests/{stored.Id}", "es");

        status.ShouldBe(HttpStatusCode.OK);
        Languages.HtmlLang(html).ShouldBe("en");
        html.ShouldContain(stored.TrackingNumber);
        html.ShouldNotContain("Correo postal");
    }
}
