using System.Globalization;
using BackOffice.Web.EmailContent;
using BackOffice.Web.Tests.Portal;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Localization;

/// <summary>The requester's e-mails in the request's language (Spanish templates, English fallback); staff messages English.</summary>
public sealed class SpanishMessagesTests : IAsyncDisposable
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "templates", "messages");
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");
    private readonly PortalScenario _app = new(new Dictionary<string, string?> { ["BackOffice:Notifications:StaffMailbox"] = "records-team@example.org" });
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "backoffice-templates-" + Guid.NewGuid().ToString("N"));

    private BackOfficeFactory Factory => _app.Factory;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_scratch)) Directory.Delete(_scratch, recursive: true);
    }

    private static RecordsRequestDraft InSpanish(RecordsRequestDraft draft) => draft with { Language = RequesterLanguage.Spanish };

    private async Task<ComposedMessage> ComposeAsync(Guid requestId, string type)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRequesterMessageComposer>().ComposeAsync(requestId, type)
            ?? throw new ShouldAssertException($"no {type} message");
    }

    [Fact]
    public void EveryRequesterMessage_HasASpanishVersion_ThatRenders()
    {
        var templates = new MessageTemplates(Shipped);
        var values = new MessageValues();
        foreach (var name in new[]
                 {
                     "OrganisationName", "DepartmentName", "DepartmentPhone", "QuestionsHours", "DepartmentAddress", "StatusUrl", "TrackingNumber",
                     "DueDate", "ReceivedDate", "ReplyBy", "AmountDue", "FeeTotal", "PaymentPhone", "CheckPayableTo", "CheckAddress", "PayBy",
                     "AmountReceived", "PaymentDate", "BalanceDue", "NewDueDate", "OriginalDueDate", "ExtensionReason", "MailedDate", "SentDate",
                     "WithheldNotice", "OpenWith", "PickupTime", "PickupAddress", "RedirectTo", "DenialBasis", "ReviewRights", "CancelledDate",
                     "CancellationReason",
                 })
        {
            values.Set(name, "x");
        }

        values.SetList("MissingItems", ["x"]);

        foreach (var name in RequesterMessageComposer.Templates.Append(BackOffice.Web.SecureEmail.RecordsEmailHandler.MessageType))
        {
            templates.IsTranslated(name, "es").ShouldBeTrue(name);
            var message = templates.Render(name, values, "es");

            message.TextBody.ShouldStartWith("Hola:", customMessage: name);
            message.TextBody.ShouldContain("Preguntas: x (x)", customMessage: name);
            message.HtmlBody.ShouldContain("<html lang=\"es\">", customMessage: name);
            message.HtmlBody.ShouldContain("<p>Hola:</p>", customMessage: name);
            foreach (var part in new[] { message.Subject, message.TextBody, message.HtmlBody }) part.ShouldNotContain("{{", customMessage: name);
        }

        foreach (var name in templates.Names().Where(n => n.StartsWith("staff/", StringComparison.Ordinal)))
            templates.IsTranslated(name, "es").ShouldBeFalse(name);
    }

    [Fact]
    public void AMessageWithoutBothSpanishFiles_IsSentInEnglish()
    {
        Directory.CreateDirectory(_scratch);
        File.WriteAllText(Path.Combine(_scratch, "_layout.html"), "<html lang=\"en\">{{Content}}</html>");
        File.WriteAllText(Path.Combine(_scratch, "_layout.es.html"), "<html lang=\"es\">{{Content}}</html>");
        File.WriteAllText(Path.Combine(_scratch, "Note.txt"), "Subject: Hello\n\nHello {{TrackingNumber}}");
        File.WriteAllText(Path.Combine(_scratch, "Note.html"), "<p>Hello {{TrackingNumber}}</p>");
        File.WriteAllText(Path.Combine(_scratch, "Note.es.txt"), "Subject: Hola\n\nHola {{TrackingNumber}}");
        var templates = new MessageTemplates(_scratch);
        var values = new MessageValues().Set("TrackingNumber", "K7QM");

        var half = templates.Render("Note", values, "es");
        File.WriteAllText(Path.Combine(_scratch, "Note.es.html"), "<p>Hola {{TrackingNumber}}</p>");
        var whole = templates.Render("Note", values, "es");

        half.Subject.ShouldBe("Hello");
        half.HtmlBody.ShouldBe("<html lang=\"en\"><p>Hello K7QM</p></html>");
        whole.Subject.ShouldBe("Hola");
        whole.HtmlBody.ShouldBe("<html lang=\"es\"><p>Hola K7QM</p></html>");
        templates.Names().ShouldBe(["Note"]);
    }

    [Fact]
    public async Task Acknowledgement_IsInSpanish_ForASpanishRequest_AndUnchangedForAnEnglishOne()
    {
        var spanish = await Factory.StartAsync(InSpanish(RequestScenarios.PatientDraft()));
        var english = await Factory.StartAsync(RequestScenarios.PatientDraft());

        var es = await ComposeAsync(spanish.Id, "Received");
        var en = await ComposeAsync(english.Id, "Received");

        es.Subject.ShouldBe($"Recibimos su solicitud de expedientes {spanish.TrackingNumber}");
        es.TextBody.ShouldContain($"Recibimos su solicitud de copias de expedientes médicos el {DateText.Written(spanish.ReceivedOn, Spanish)}.");
        es.TextBody.ShouldContain($"Fecha límite de nuestra respuesta: {DateText.Written(spanish.DueOn, Spanish)}");
        es.TextBody.ShouldContain("Preguntas: 1-630-873-8748 (de lunes a viernes, de 8 a. m. a 5 p. m.)");
        es.HtmlBody.ShouldContain("<html lang=\"es\">");
        DateText.Written(spanish.DueOn, Spanish).ShouldContain(" de ");

        en.Subject.ShouldBe($"We received your records request {english.TrackingNumber}");
        en.TextBody.ShouldContain($"We will answer by: {RequestScenarios.Written(english.DueOn)}");
        en.TextBody.ShouldContain("Questions: 1-630-873-8748 (Monday through Friday, 8 AM – 5 PM)");
        en.HtmlBody.ShouldContain("<html lang=\"en\">");
    }

    [Fact]
    public async Task SpanishMessages_TranslateTheRulesWords_AndKeepWhatStaffTyped()
    {
        var request = await Factory.StartAsync(InSpanish(RequestScenarios.PatientDraft()));
        await Factory.FireAsync(request.Id, "RequestInformation", RequestScenarios.Clerk,
            ("missing", "The date of the signature\nthe dates of the visits you need"));

        var message = await ComposeAsync(request.Id, "NeedsInformation");

        message.Subject.ShouldBe($"Necesitamos más información para la solicitud {request.TrackingNumber}");
        message.TextBody.ShouldContain("  - La fecha de la firma\n  - the dates of the visits you need");
    }

    [Fact]
    public async Task StaffMessages_StayEnglish_ForASpanishRequest()
    {
        var request = await Factory.StartAsync(InSpanish(RequestScenarios.PatientDraft()));
        await using var scope = Factory.Services.CreateAsyncScope();

        var message = await scope.ServiceProvider.GetRequiredService<IStaffMessageComposer>().ComposeAsync(request.Id, "DueWarning");

        message.ShouldNotBeNull();
        message.Subject.ShouldStartWith($"Due {RequestScenarios.Written(request.DueOn)}: request {request.TrackingNumber}");
        message.TextBody.ShouldContain("Assigned to:");
        message.HtmlBody.ShouldContain("<html lang=\"en\">");
        message.HtmlBody.ShouldContain("Questions: 1-630-873-8748 (Monday through Friday, 8 AM – 5 PM)");
    }

    [Fact]
    public async Task PortalEmails_AreInSpanish_ForASpanishRequestersOwnRecords()
    {
        var request = await Factory.StartAsync(InSpanish(RequestScenarios.PatientDraft(DeliveryMethod.Portal, RecordFormat.Electronic)));
        var state = await Factory.ThroughReviewAsync(request.Id, electronicPages: 12, package: PortalScenario.PackageBytes);
        if (state == "AwaitingPayment") await Factory.PayInFullAsync(request.Id);
        (await Factory.FireAsync(request.Id, "PublishToPortal", RequestScenarios.Clerk)).ToState.ShouldBe("PublishedToPortal");
        await _app.DispatchAsync((await _app.PortalOutboxRowAsync(request.Id)).Id);

        var link = (await _app.MailAsync(1))[^1];
        var token = System.Text.RegularExpressions.Regex.Match(PortalScenario.Body(link), "/portal/([A-Za-z0-9_-]{43})").Groups[1].Value;
        using var client = Factory.CreateBrowser();
        (await PortalScenario.EnterDateOfBirthAsync(client, token, "1980-04-15")).Location().ShouldBe($"/portal/{token}/code");
        var code = (await _app.MailAsync(2))[^1];

        link.Subject.ShouldBe("Los expedientes que pidió están listos para descargar");
        PortalScenario.Body(link).ShouldContain("Para abrirlas necesita la fecha de nacimiento del paciente");
        PortalScenario.Body(link).ShouldContain("El enlace funciona hasta el ");
        code.Subject.ShouldBe("Su código de un solo uso");
        PortalScenario.Body(code).ShouldMatch(@"Su código para descargar los expedientes es \d{6}");
    }
}
