using System.Net;
using System.Net.Http.Headers;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.RequestDetail;

public sealed class DetailPageTests(DetailApp app) : IClassFixture<DetailApp>
{
    [Fact]
    public async Task Page_ShowsTheRequest_AndIsAudited()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        using var client = await app.Factory.SignedInAsync("clerk");

        var (status, html) = await client.GetPageAsync(DetailApp.PageOf(request.Id));

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(request.TrackingNumber);
        html.ShouldContain("Maria Lopez");
        html.ShouldContain("April 15, 1980");
        html.ShouldContain("12 Elm St, Naperville, IL 60540");
        html.ShouldContain("Release decision");
        html.ShouldContain("value=\"Verify\"");
        html.ShouldContain("Not possible now");
        html.ShouldContain("Journal");
        var audit = await app.AuditAsync(request.Id);
        var view = audit.ShouldHaveSingleItem();
        view.Action.ShouldBe("ViewRequest");
        view.UserName.ShouldBe("clerk");
        view.IpAddress.ShouldBe(DetailApp.ClientAddress.ToString());
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        using var client = app.Factory.CreateBrowser();

        var response = await client.GetAsync(new Uri(DetailApp.PageOf(request.Id), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith("http://localhost/Account/SignIn");
    }

    [Fact]
    public async Task RulesAdmin_IsDeniedAccess()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        using var client = await app.Factory.SignedInAsync("rulesadmin");

        var response = await client.GetAsync(new Uri(DetailApp.PageOf(request.Id), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldStartWith("http://localhost/Account/AccessDenied");
        (await app.AuditAsync(request.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnknownRequest_IsNotFound()
    {
        using var client = await app.Factory.SignedInAsync("clerk");

        var (status, _) = await client.GetPageAsync(DetailApp.PageOf(Guid.NewGuid()));

        status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Document_IsShownInline_WithNosniff_AndAudited()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        var bytes = "%PDF-1.7 the records"u8.ToArray();
        await app.Factory.AttachPackageAsync(request.Id, bytes);
        var document = (await app.Factory.QueryAsync(db => Task.FromResult(db.Documents.Single(d => d.RequestId == request.Id))));
        using var client = await app.Factory.SignedInAsync("clerk");
        var (_, html) = await client.GetPageAsync(DetailApp.PageOf(request.Id));
        html.ShouldContain($"?documentId={document.Id}&amp;handler=Document\"");

        var response = await client.GetAsync(new Uri($"{DetailApp.PageOf(request.Id)}?handler=Document&documentId={document.Id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        var audit = (await app.AuditAsync(request.Id)).Last();
        audit.Action.ShouldBe("ViewDocument");
        audit.Subject.ShouldBe(document.Id.ToString());
        audit.UserName.ShouldBe("clerk");
    }

    [Fact]
    public async Task AuthorizationForm_OfAnOnlineRequest_IsOffered_FilledInTheRequestersLanguage_AndAudited()
    {
        var draft = RequestScenarios.PatientDraft() with
        {
            Channel = RequestChannel.Online,
            Language = "es",
            Signature = new SignatureDetails { SignerName = "Maria Lopez", SignedOn = new DateOnly(2024, 1, 2), ElectronicSignature = "Maria Lopez" },
        };
        var online = await app.Factory.StartAsync(draft);
        var paper = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        using var client = await app.Factory.SignedInAsync("clerk");
        var form = $"{DetailApp.PageOf(online.Id)}?handler=AuthorizationForm";

        var (_, html) = await client.GetPageAsync(DetailApp.PageOf(online.Id));
        var (_, paperHtml) = await client.GetPageAsync(DetailApp.PageOf(paper.Id));
        var response = await client.GetAsync(new Uri(form, UriKind.Relative));
        var refused = await client.GetAsync(new Uri($"{DetailApp.PageOf(paper.Id)}?handler=AuthorizationForm", UriKind.Relative));

        html.ShouldContain("handler=AuthorizationForm\"");
        html.ShouldContain("in Spanish");
        paperHtml.ShouldNotContain("handler=AuthorizationForm"); // its signed scan is among the documents
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldStartWith(online.TrackingNumber);
        response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            text.ShouldContain("Lopez");
            text.ShouldContain(online.TrackingNumber);
            text.ShouldContain("Autorización"); // the language the requester read and signed it in
        }

        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var audit = (await app.AuditAsync(online.Id)).Last();
        audit.Action.ShouldBe("ViewAuthorizationForm");
        audit.Outcome.ShouldBe("done");
        (await app.AuditAsync(paper.Id)).Last().Outcome.ShouldBe("not offered");
    }

    [Fact]
    public async Task Note_IsAdded_AndShown()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        using var client = await app.Factory.SignedInAsync("clerk");

        var response = await client.PostFormAsync(DetailApp.PageOf(request.Id),
            [KeyValuePair.Create("note", "Called the patient about the date range.")], DetailApp.PageOf(request.Id) + "?handler=Note");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, html) = await client.GetPageAsync(DetailApp.PageOf(request.Id));
        html.ShouldContain("Called the patient about the date range.");
    }

    [Fact]
    public async Task Upload_AttachesAPdfReleasePackage_AndRefusesAnImage()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.Portal, RecordFormat.Electronic));
        using var client = await app.Factory.SignedInAsync("clerk");
        var page = DetailApp.PageOf(request.Id);

        var png = await UploadAsync(client, page, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "scan.png");
        png.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        StaffClient.FieldError(await png.Content.ReadAsStringAsync(), "package")!.ShouldContain("must be a PDF");

        var pdf = await UploadAsync(client, page, "%PDF-1.7 package"u8.ToArray(), "records.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var documents = await app.Factory.QueryAsync(db => Task.FromResult(db.Documents.Where(d => d.RequestId == request.Id).ToList()));
        var stored = documents.ShouldHaveSingleItem();
        stored.Kind.ShouldBe(DocumentKind.ReleasePackage);
        stored.ContentType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task Upload_IsNotOffered_AndIsRefused_OnceTheRequestIsClosed()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.Portal, RecordFormat.Electronic));
        using var client = await app.Factory.SignedInAsync("clerk");
        var page = DetailApp.PageOf(request.Id);
        (await client.GetPageAsync(page)).Html.ShouldContain("handler=Upload");
        await app.ActAsync(client, request.Id, "Cancel", ("reason", "The patient withdrew the request."));

        var (_, closed) = await client.GetPageAsync(page);
        var refused = await UploadAsync(client, page, "%PDF-1.7 package"u8.ToArray(), "records.pdf");

        closed.ShouldNotContain("handler=Upload");
        closed.ShouldContain("The request is closed: no release package can be added.");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        StaffClient.FieldError(await refused.Content.ReadAsStringAsync(), "package").ShouldBe(
            "The request is closed (cancelled); a release package can no longer be attached.");
        (await app.Factory.QueryAsync(db => Task.FromResult(db.Documents.Count(d => d.RequestId == request.Id)))).ShouldBe(0);
        (await app.AuditAsync(request.Id)).ShouldContain(a => a.Action == "UploadDocument" && a.Outcome == "refused: the request is closed");
    }

    [Fact]
    public async Task Page_ShowsWhereTheRequestIs_AsSteps_WithTheNextActionFirst()
    {
        var request = await app.Factory.StartAsync(RequestScenarios.PatientDraft());
        using var client = await app.Factory.SignedInAsync("clerk");
        var page = DetailApp.PageOf(request.Id);

        var received = (await client.GetPageAsync(page)).Html;
        Steps(received).ShouldBe(["Now: Intake: Received", "To come: Fulfillment", "To come: Payment", "To come: Release", "To come: Closed"]);
        received.ShouldContain("Next step: <a href=\"#Verify\">Verify</a>");
        FirstAction(received).ShouldBe("Verify");

        await app.ActAsync(client, request.Id, "Verify", ("identityChecked", "true"));
        await app.ActAsync(client, request.Id, "StartFulfillment");
        var compiling = (await client.GetPageAsync(page)).Html;
        Steps(compiling)[..2].ShouldBe(["Done: Intake", "Now: Fulfillment: In fulfillment"]);
        // Submitting for review is not possible before the pages are counted: counting them is next.
        FirstAction(compiling).ShouldBe("RecordPages");

        await app.ActAsync(client, request.Id, "RecordPages", ("paper", "12"), ("contentsChecked", "true"));
        FirstAction((await client.GetPageAsync(page)).Html).ShouldBe("SubmitForReview");
    }

    [Fact]
    public async Task Steps_OfAClosedRequest_MarkThePhasesItNeverNeeded()
    {
        // Copies for the patient's doctor, for continuing care, are free: the request never waits for a payment.
        var toTheirDoctor = RequestScenarios.PatientDraft(DeliveryMethod.Mail, RecordFormat.Paper) with
        {
            Recipient = new RecipientDetails
            {
                Type = RequesterType.Provider, Name = "Dr. Priya Shah", Organisation = "Lakeview Family Medicine",
                Address = new PostalAddress { Line1 = "500 Lakeview Dr", City = "Naperville", State = "IL", PostalCode = "60540" },
            },
            Purpose = RequestPurpose.ContinuingCare,
        };
        var request = await app.Factory.StartAsync(toTheirDoctor);
        (await app.Factory.ThroughReviewAsync(request.Id, paperPages: 12)).ShouldBe("ReadyForRelease");
        await app.Factory.FireAsync(request.Id, "Mail", RequestScenarios.Clerk);
        using var client = await app.Factory.SignedInAsync("clerk");

        var html = (await client.GetPageAsync(DetailApp.PageOf(request.Id))).Html;

        (await app.Factory.LoadAsync(request.Id)).State.ShouldBe("Completed");
        Steps(html).ShouldBe(["Done: Intake", "Done: Fulfillment", "Not needed: Payment", "Done: Release", "Now: Closed: Completed"]);
        html.ShouldNotContain("Next step");
    }

    /// <summary>The step indicator as a screen reader reads it: "Done: Intake", "Now: Fulfillment: In fulfillment".</summary>
    private static List<string> Steps(string html)
    {
        var nav = System.Text.RegularExpressions.Regex.Match(html, "<nav class=\"request-steps\".*?</nav>", System.Text.RegularExpressions.RegexOptions.Singleline);
        nav.Success.ShouldBeTrue("the page has no step indicator");
        return [.. System.Text.RegularExpressions.Regex.Matches(nav.Value, "<li[^>]*>(.*?)</li>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, "<[^>]+>", ""), "\\s+", " ")).Trim())];
    }

    /// <summary>The trigger of the first action form on the page.</summary>
    private static string FirstAction(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<form [^>]*class=\"action-form[^\"]*\" id=\"([^\"]+)\"").Groups[1].Value;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, byte[] bytes, string name)
    {
        var (_, html) = await client.GetPageAsync(page);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(StaffClient.AntiforgeryToken(html)), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "package", name);
        return await client.PostAsync(new Uri(page + "?handler=Upload", UriKind.Relative), form);
    }
}
