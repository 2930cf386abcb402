using System.Globalization;
using System.Net;
using BackOffice.Web.EmailContent;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Tests.Documents;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Intake;

/// <summary>A paper form keyed in by a clerk says which language the requester reads; their e-mails and letters follow it.</summary>
public sealed class PaperIntakeLanguageTests(IntakeAppFixture app) : IClassFixture<IntakeAppFixture>
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    // A patient asking for their own records on paper, with an e-mail address for our messages.
    private IntakeForm PatientsOwnForm(string language)
    {
        var form = new IntakeForm(app.Today);
        form.Fields["Kind"] = "Access";
        form.Fields["Requester.Type"] = "Patient";
        form.Fields["Patient.Email"] = "ana@example.org";
        form.Fields["Language"] = language;
        form.Fields.Without("Requester.Name").Without("Requester.Organisation").Without("Requester.Email").Without("Purpose").Without("ExpiresOn");
        return form;
    }

    [Fact]
    public async Task Intake_AsksTheRequestersLanguage_WithEnglishChosenAtFirst()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var (status, html) = await clerk.GetPageAsync(IntakeForm.Path);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Language of the letters and e-mails to the requester");
        PageHtml.Input(html, "Language").ShouldNotBeNull().ShouldContain("value=\"en\"");
        PageHtml.Input(html, "Language").ShouldNotBeNull().ShouldContain("checked");
        PageHtml.Input(html, "Language_es").ShouldNotBeNull().ShouldNotContain("checked");
        html.ShouldContain("<label for=\"Language_es\" lang=\"es\">Español</label>");
    }

    [Fact]
    public async Task Intake_InSpanish_StoresSpanish_AndTheRequestersEmailsAndLettersAreInSpanish()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = PatientsOwnForm("es");

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        request.Language.ShouldBe(RequesterLanguage.Spanish);
        request.Channel.ShouldBe(RequestChannel.Paper);

        ComposedMessage received;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            received = (await scope.ServiceProvider.GetRequiredService<IRequesterMessageComposer>().ComposeAsync(request.Id, "Received"))
                .ShouldNotBeNull();
        }

        received.To.ShouldBe("ana@example.org");
        received.Subject.ShouldBe($"Recibimos su solicitud de expedientes {request.TrackingNumber}");
        received.TextBody.ShouldContain($"Recibimos su solicitud de copias de expedientes médicos el {DateText.Written(request.ReceivedOn, Spanish)}.");
        received.HtmlBody.ShouldContain("<html lang=\"es\">");

        await app.Factory.FireAsync(request.Id, "ExtendDeadline", RequestScenarios.Clerk, ("days", "20"), ("reason", "Some records are in off-site storage"));
        var notice = DocumentScenarios.TextOf((await app.Factory.RenderAsync(request.Id, RequestDocumentTypes.ExtensionNotice)).Content);
        notice.ShouldContain($"Asunto: Necesitamos más tiempo — solicitud {request.TrackingNumber}");
        notice.ShouldContain($"Le responderemos a más tardar el {DateText.Written(request.DueOn.AddDays(20), Spanish)}.");
        notice.ShouldNotContain("We need more time");

        // The clerk sees the language on the request page, in English.
        var (_, details) = await clerk.GetPageAsync(response.Location()!);
        details.ShouldContain("<dt>Requester's language</dt><dd>Spanish: e-mails and letters to the requester are in Spanish</dd>");
    }

    [Fact]
    public async Task Intake_InEnglish_StoresEnglish_AndWritesInEnglish()
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = PatientsOwnForm("en");

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var request = (await form.StoredRequestsAsync(app.Factory)).ShouldHaveSingleItem();
        request.Language.ShouldBe(RequesterLanguage.English);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var received = (await scope.ServiceProvider.GetRequiredService<IRequesterMessageComposer>().ComposeAsync(request.Id, "Received"))
            .ShouldNotBeNull();
        received.Subject.ShouldBe($"We received your records request {request.TrackingNumber}");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Intake_RefusesALanguageOurLettersAreNotWrittenIn_NextToTheField(string? language)
    {
        using var clerk = await app.Factory.SignedInAsync("clerk");
        var form = PatientsOwnForm("en");
        if (language is null) form.Fields.Without("Language");
        else form.Fields["Language"] = language;

        var response = await form.PostAsync(clerk);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        StaffClient.FieldError(html, "Language").ShouldBe("Choose the language of the letters and e-mails to the requester: English or Español.");
        StaffClient.ErrorSummary(html).ShouldContain("Choose the language of the letters and e-mails to the requester: English or Español.");
        (await form.StoredRequestsAsync(app.Factory)).ShouldBeEmpty();
    }
}
