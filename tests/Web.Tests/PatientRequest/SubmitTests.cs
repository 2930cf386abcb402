using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using BackOffice.Web.Tests.PatientRequest.Support;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.PatientRequest;

public sealed partial class SubmitTests(RequestAppFixture app) : IClassFixture<RequestAppFixture>
{
    private DateOnly Today => app.Factory.Services.GetRequiredService<DepartmentClock>().Today;

    [Fact]
    public async Task Submit_CreatesOneReceivedRequest_WithTheESignature()
    {
        using var form = new RequestForm(app.Factory);

        var response = await form.SubmitAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/request/done");
        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        request.State.ShouldBe("Received");
        request.Channel.ShouldBe(RequestChannel.Online);
        request.Kind.ShouldBe(RequestKind.Access);
        request.Requester.Type.ShouldBe(RequesterType.Patient);
        request.Requester.Name.ShouldBe($"Maria {form.Answers.LastName}");
        request.Signature.ElectronicSignature.ShouldBe("Maria Lopez");
        request.Signature.SignerName.ShouldBe("Maria Lopez");
        request.Signature.SignedOn.ShouldBe(Today);
        request.Signature.ElectronicallySignedAt.ShouldNotBeNull().ShouldBe(app.Time.GetUtcNow(), TimeSpan.FromMilliseconds(1));
        request.Signature.SignerIpAddress.ShouldBe(RequestFactory.ClientAddress.ToString());
        request.ReceivedOn.ShouldBe(Today);
        request.DueOn.ShouldBe(Today.AddDays(30));
        request.Delivery.ShouldBe(DeliveryMethod.Mail);
        request.Recipient.Address.IsComplete.ShouldBeTrue();
        request.Information.AllRecords.ShouldBeTrue();
        request.Purpose.ShouldBe(RequestPurpose.AtRequestOfIndividual);
        request.ExpiresOn.ShouldBeNull();
        var photo = request.Documents.ShouldHaveSingleItem();
        photo.Kind.ShouldBe(DocumentKind.PhotoId);
        photo.ContentType.ShouldBe("image/jpeg");
        photo.FileName.ShouldBe("drivers-license.jpg");
        photo.Size.ShouldBe(form.Answers.PhotoId.Bytes.Length);
    }

    [Fact]
    public async Task Confirmation_ShowsTheTrackingNumberTheDueDateAndWhatHappensNext()
    {
        using var form = new RequestForm(app.Factory);
        await form.SubmitAsync();
        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();

        var (status, html) = await form.Client.GetPageAsync("/request/done");

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain(request.TrackingNumber);
        html.ShouldContain(Today.AddDays(30).ToString("MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US")));
        html.ShouldContain("We check the request");
        html.ShouldContain("We may ask for missing information.");
        html.ShouldContain("(312) 757-5020");
        html.ShouldContain("Cash is not accepted.");
        html.ShouldContain("We mail the copies");
        html.ShouldContain("href=\"/status\"");
        (await form.Client.GetAsync(new Uri("/request/patient", UriKind.Relative))).Location().ShouldBe("/request");
    }

    [Fact]
    public async Task Confirmation_CannotBeReachedWithoutSendingTheForm()
    {
        using var sender = new RequestForm(app.Factory);
        await sender.SubmitAsync();
        var tracking = (await sender.StoredRequestsAsync()).ShouldHaveSingleItem().TrackingNumber;
        using var guesser = new RequestForm(app.Factory);

        var plain = await guesser.Client.GetAsync(new Uri("/request/done", UriKind.Relative));
        var guessed = await guesser.Client.GetAsync(new Uri($"/request/done?tracking={tracking}&trackingNumber={tracking}", UriKind.Relative));

        plain.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        plain.Location().ShouldBe("/request");
        guessed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await guessed.Content.ReadAsStringAsync()).ShouldNotContain(tracking);
    }

    [Fact]
    public async Task Submit_DoubleClicked_CreatesOneRequest()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/sign");
        var (_, review) = await form.Client.GetPageAsync("/request/review");
        var token = StaffClient.AntiforgeryToken(review);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => form.Client.PostAsync(new Uri("/request/review", UriKind.Relative),
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString == "/request/done");
        (await form.StoredRequestsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Submit_AgainWithTheSameAnswers_AfterGoingBack_CreatesOneRequest_AndShowsTheSameReceipt()
    {
        using var form = new RequestForm(app.Factory);
        await form.CompleteThroughAsync("/request/sign");
        var answersCookies = form.Cookies.Container.GetCookies(new Uri("http://localhost/request/review"));
        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");
        var first = TrackingNumberOn((await form.Client.GetPageAsync("/request/done")).Html);

        using var resent = new RequestForm(app.Factory);
        resent.Cookies.Container.Add(answersCookies);
        var again = await resent.PostAsync("/request/review");

        again.Location().ShouldBe("/request/done");
        TrackingNumberOn((await resent.Client.GetPageAsync("/request/done")).Html).ShouldBe(first);
        (await form.StoredRequestsAsync()).ShouldHaveSingleItem().TrackingNumber.ShouldBe(first);
    }

    [Fact]
    public async Task Submit_WithSecureEmail_KeepsThePassphraseOnlyProtected()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.Delivery["Delivery"] = "SecureEmail";
        form.Answers.Delivery["Format"] = "Electronic";
        form.Answers.Delivery["EmailPassphrase"] = "blue kettle under moonlight";
        form.Answers.Delivery["EmailPassphraseConfirm"] = "blue kettle under moonlight";

        (await form.SubmitAsync()).Location().ShouldBe("/request/done");

        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        request.Delivery.ShouldBe(DeliveryMethod.SecureEmail);
        var stored = request.ProtectedEmailPassphrase.ShouldNotBeNull();
        stored.ShouldNotContain("kettle");
        app.Factory.Services.GetRequiredService<BackOffice.Web.SecureEmail.EmailPassphrases>().TryUnprotect(stored).ShouldBe("blue kettle under moonlight");
        // The database (and its write-ahead log) holds no passphrase in clear.
        foreach (var file in Directory.GetFiles(app.Factory.DataDirectory, "backoffice.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            System.Text.Encoding.UTF8.GetString(bytes.ToArray()).ShouldNotContain("blue kettle", customMessage: file);
        }
    }

    [Fact]
    public async Task Submit_ForAnAttorney_IsAnAuthorization_WithItsPurposeExpiryAndStatements()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.AsAttorney();
        form.Answers.Release["Recipient.Name"] = "Sam Counsel";

        (await form.SubmitAsync()).Location().ShouldBe("/request/done");

        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        request.Kind.ShouldBe(RequestKind.Authorization);
        request.Requester.Type.ShouldBe(RequesterType.Attorney);
        request.Requester.Organisation.ShouldBe("Counsel & Co");
        request.Purpose.ShouldBe(RequestPurpose.Legal);
        request.ExpiresOn.ShouldBe(new DateOnly(2027, 12, 31));
        request.RequiredStatementsPresent.ShouldBeTrue();
        request.Signature.SignerRelationship.ShouldBe("Patient");
        request.State.ShouldBe("Received");
    }

    [Fact]
    public async Task Submit_ForARepresentative_IsAnAccessRequest_WithTheAuthorityAndItsPapers()
    {
        using var form = new RequestForm(app.Factory);
        form.Answers.Who["Requester.Type"] = "PersonalRepresentative";
        form.Answers.Who["Requester.Authority"] = "Guardian";
        form.Answers.Who["Requester.AuthorityDescription"] = "Court-appointed guardian since 2021";
        form.Answers.Who["Requester.Name"] = "Ana Lopez";
        form.Answers.Who["Requester.Phone"] = "630-555-0101";
        await form.CompleteThroughAsync("/request/purpose");
        (await form.PostSignAsync(form.Answers.Sign, form.Answers.PhotoId, UploadFile.Pdf("SupportingDocument", "guardianship.pdf")))
            .Location().ShouldBe("/request/review");

        (await form.PostAsync("/request/review")).Location().ShouldBe("/request/done");

        var request = (await form.StoredRequestsAsync()).ShouldHaveSingleItem();
        request.Kind.ShouldBe(RequestKind.Access);
        request.Requester.Authority.ShouldBe(RepresentativeAuthority.Guardian);
        request.Requester.AuthorityDescription.ShouldBe("Court-appointed guardian since 2021");
        request.Documents.Select(d => d.Kind).ShouldBe([DocumentKind.PhotoId, DocumentKind.Supporting], ignoreOrder: true);
    }

    private static string TrackingNumberOn(string html) =>
        TrackingPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new ShouldAssertException("no tracking number on the page");

    [GeneratedRegex("<p class=\"tracking-number\">([^<]+)</p>")]
    private static partial Regex TrackingPattern();
}
