using System.Globalization;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Tests.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Localization;

/// <summary>Letters and the invoice in the reader's language: the requester's for letters to the requester, the
/// recipient's for the cover letter (English for a third party), read back from the PDF.</summary>
public sealed class SpanishLettersTests(DocumentsApp app) : IClassFixture<DocumentsApp>
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");
    private BackOfficeFactory Factory => app.Factory;

    private static RecordsRequestDraft InSpanish(RecordsRequestDraft draft) => draft with { Language = RequesterLanguage.Spanish };

    private async Task<string> TextAsync(Guid requestId, string type) =>
        DocumentScenarios.TextOf((await Factory.RenderAsync(requestId, type)).Content);

    [Fact]
    public async Task CoverLetterAndInvoice_AreInSpanish_ForASpanishPatientsOwnRecords()
    {
        var request = await Factory.StartAsync(InSpanish(RequestScenarios.PatientDraft()));
        (await Factory.ThroughReviewAsync(request.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
        var invoice = await TextAsync(request.Id, RequestDocumentTypes.Invoice);
        await Factory.PayInFullAsync(request.Id);
        (await Factory.FireAsync(request.Id, "Mail", RequestScenarios.Clerk)).ToState.ShouldBe("Completed");
        var stored = await Factory.LoadAsync(request.Id);
        var today = await Factory.TodayAsync();

        var cover = await TextAsync(request.Id, RequestDocumentTypes.CoverLetter);

        cover.ShouldContain($"Asunto: Copias de expedientes médicos — solicitud {request.TrackingNumber}, paciente Maria Lopez");
        cover.ShouldContain("Estimado(a) Maria Lopez:");
        cover.ShouldContain($"Adjuntamos copias de los expedientes médicos de Maria Lopez de DuPage Medical Group, solicitadas el {DateText.Written(request.ReceivedOn, Spanish)}.");
        cover.ShouldContain("Qué se incluye: todos los expedientes");
        cover.ShouldContain("Páginas: 40 páginas en papel");
        cover.ShouldContain("¿Tiene preguntas? Llame al 1-630-873-8748, de lunes a viernes, de 8 a. m. a 5 p. m.");
        cover.ShouldContain("Preguntas: 1-630-873-8748, de lunes a viernes");
        cover.ShouldContain("Atentamente,");
        cover.ShouldNotContain("Enclosed");

        invoice.ShouldContain("Fecha de la factura " + DateText.Written(today, Spanish));
        invoice.ShouldContain($"Número de seguimiento {request.TrackingNumber}");
        invoice.ShouldContain("Vencimiento del pago Al recibirla: entregamos los expedientes después del pago");
        invoice.ShouldContain("Mano de obra para hacer las copias (según el costo)");
        invoice.ShouldContain("Permitido por: 45 CFR 164.524(c)(4)(i): mano de obra para hacer las copias; tabla de costos promedio del grupo médico");
        invoice.ShouldContain("Total " + stored.FeeTotal!.Value.ToString("C", CultureInfo.GetCultureInfo("en-US")));
        invoice.ShouldContain("No podemos aceptar efectivo.");
        foreach (var line in stored.FeeLines) invoice.ShouldNotContain("Allowed by: " + line.Basis);
    }

    [Fact]
    public async Task LettersToASpanishRequester_AreInSpanish_ButTheCoverLetterToAnotherProviderIsEnglish()
    {
        var request = await Factory.StartAsync(InSpanish(DocumentScenarios.ProviderDraft()));
        await Factory.FireAsync(request.Id, "ExtendDeadline", RequestScenarios.Clerk, ("days", "20"), ("reason", "Some records are in off-site storage"));
        (await Factory.ThroughReviewAsync(request.Id, paperPages: 3)).ShouldBe("ReadyForRelease");
        (await Factory.FireAsync(request.Id, "Mail", RequestScenarios.Clerk)).ToState.ShouldBe("Completed");

        var notice = await TextAsync(request.Id, RequestDocumentTypes.ExtensionNotice);
        var cover = await TextAsync(request.Id, RequestDocumentTypes.CoverLetter);

        notice.ShouldContain($"Asunto: Necesitamos más tiempo — solicitud {request.TrackingNumber}");
        notice.ShouldContain("Some records are in off-site storage");
        notice.ShouldContain($"Le responderemos a más tardar el {DateText.Written(request.DueOn.AddDays(20), Spanish)}.");
        notice.ShouldContain("45 CFR 164.524(b)(2)(iii)");
        cover.ShouldContain("Dear Dr. Priya Shah,");
        cover.ShouldContain("Enclosed are copies of the medical records of Maria Lopez");
        cover.ShouldContain("Questions? Call 1-630-873-8748, Monday through Friday, 8 AM – 5 PM");
    }

    [Fact]
    public async Task MissingInformationLetter_InSpanish_TranslatesTheRulesItems_AndKeepsWhatStaffTyped()
    {
        var request = await Factory.StartAsync(InSpanish(RequestScenarios.PatientDraft()));
        await Factory.FireAsync(request.Id, "RequestInformation", RequestScenarios.Clerk,
            ("missing", "The date of the signature\na copy of the patient's photo ID"));

        var text = await TextAsync(request.Id, RequestDocumentTypes.MissingInformationLetter);

        text.ShouldContain("Asunto: Información necesaria");
        text.ShouldContain("La fecha de la firma");
        text.ShouldContain("a copy of the patient's photo ID");
        text.ShouldContain("Cómo enviarlo");
        text.ShouldContain("cerraremos la solicitud");
        text.ShouldContain("/request/paper-form/es o haga una nueva solicitud en línea"); // the Spanish form
    }

    [Fact]
    public async Task MailingBatch_PrintsEachEnvelopesLettersInItsReadersLanguage()
    {
        var spanish = await Factory.StartAsync(InSpanish(RequestScenarios.PatientDraft()));
        var english = await Factory.StartAsync(RequestScenarios.PatientDraft());
        foreach (var request in new[] { spanish, english })
        {
            (await Factory.ThroughReviewAsync(request.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
            await Factory.PayInFullAsync(request.Id);
        }

        await using var scope = Factory.Services.CreateAsyncScope();
        var batch = await scope.ServiceProvider.GetRequiredService<Web.PostalMailing.MailingBatchService>().CreateAsync(await Factory.TodayAsync(), RequestScenarios.Clerk, CancellationToken.None);
        var text = DocumentScenarios.TextOf(Factory.ReadStoredFile(batch.FilePath!));

        text.ShouldContain($"Asunto: Copias de expedientes médicos — solicitud {spanish.TrackingNumber}");
        text.ShouldContain($"Asunto: Factura — solicitud {spanish.TrackingNumber}");
        text.ShouldContain($"Re: Copies of medical records — request {english.TrackingNumber}");
        text.ShouldContain($"Re: Invoice — request {english.TrackingNumber}");
    }
}
