using System.Net;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.Status;

/// <summary>What a verified patient reads: the invoice and how to pay, what is missing, a new due date and why.</summary>
public sealed class StatusContentTests : IAsyncDisposable
{
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<HttpClient> VerifiedBrowserAsync(RecordsRequest request)
    {
        var client = _factory.CreateBrowser();
        var lookup = await client.PostFormAsync("/status", new Dictionary<string, string>
        {
            ["TrackingNumber"] = request.TrackingNumber, ["DateOfBirth"] = "04/15/1980",
        });
        lookup.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task ARequesterWhoForgotThePassphrase_AsksForASecureLinkInstead_OnTheStatusPage()
    {
        var passphrase = _factory.Services.GetRequiredService<BackOffice.Web.SecureEmail.EmailPassphrases>().Protect("river stone paper lamp");
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.SecureEmail, RecordFormat.Electronic)
            with { ProtectedEmailPassphrase = passphrase });
        using var client = await VerifiedBrowserAsync(request);
        var (_, before) = await client.GetPageAsync($"/status/{request.Id}");
        before.ShouldContain("Send a secure link instead");

        var asked = await client.PostFormAsync($"/status/{request.Id}", new Dictionary<string, string>(), $"/status/{request.Id}?handler=ForgotPassphrase");

        asked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _factory.LoadAsync(request.Id)).ProtectedEmailPassphrase.ShouldBeNull();
        var (_, after) = await client.GetPageAsync($"/status/{request.Id}");
        after.ShouldContain("secure download link instead");
        after.ShouldNotContain("Send a secure link instead");
    }

    [Fact]
    public async Task ForgotPassphrase_IsRefused_WithoutAVerifiedLookup()
    {
        var passphrase = _factory.Services.GetRequiredService<BackOffice.Web.SecureEmail.EmailPassphrases>().Protect("river stone paper lamp");
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.SecureEmail, RecordFormat.Electronic)
            with { ProtectedEmailPassphrase = passphrase });
        using var stranger = _factory.CreateBrowser();
        var (_, page) = await stranger.GetPageAsync("/status");

        var response = await stranger.PostAsync(new Uri($"/status/{request.Id}?handler=ForgotPassphrase", UriKind.Relative),
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", StaffClient.AntiforgeryToken(page))]));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _factory.LoadAsync(request.Id)).ProtectedEmailPassphrase.ShouldBe(passphrase);
    }

    [Fact]
    public async Task AwaitingPayment_ShowsTheInvoiceWithPaymentInstructions_AndCashIsNotAccepted()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        (await _factory.ThroughReviewAsync(request.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
        var stored = await _factory.LoadAsync(request.Id);
        using var client = await VerifiedBrowserAsync(request);

        var status = WebUtility.HtmlDecode((await client.GetPageAsync($"/status/{request.Id}")).Html);
        var (invoiceStatus, invoiceHtml) = await client.GetPageAsync($"/status/{request.Id}/invoice");
        var invoice = WebUtility.HtmlDecode(invoiceHtml);

        foreach (var html in new[] { status, invoice })
        {
            html.ShouldContain("Invoice for request " + request.TrackingNumber);
            foreach (var line in stored.FeeLines)
            {
                html.ShouldContain(line.Description);
                html.ShouldContain(line.Basis);
            }

            html.ShouldContain($"Balance due</th><td class=\"amount\"><strong>{stored.BalanceDue.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}</strong>");
            html.ShouldContain("<a href=\"tel:3127575020\">(312) 757-5020</a>");
            html.ShouldContain("1100 W 31st Street, Downers Grove, IL 60515");
            html.ShouldContain("Cash is not accepted.");
        }

        stored.BalanceDue.ShouldBeGreaterThan(0m);
        status.ShouldContain("Invoice issued");
        status.ShouldContain("Payment is due");
        invoiceStatus.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task APaidInvoice_SaysItIsPaidInFull_AndAsksForNoPayment()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        (await _factory.ThroughReviewAsync(request.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
        await _factory.PayInFullAsync(request.Id);
        using var client = await VerifiedBrowserAsync(request);

        var status = WebUtility.HtmlDecode((await client.GetPageAsync($"/status/{request.Id}")).Html);
        var invoice = WebUtility.HtmlDecode((await client.GetPageAsync($"/status/{request.Id}/invoice")).Html);

        // The status page shows the invoice only while payment is due; the invoice page keeps it, paid.
        status.ShouldNotContain("Invoice for request " + request.TrackingNumber);
        invoice.ShouldContain("Invoice for request " + request.TrackingNumber);
        invoice.ShouldContain("The invoice is paid in full: there is nothing more to pay.");
        foreach (var html in new[] { status, invoice })
        {
            html.ShouldNotContain("How to pay");
            html.ShouldNotContain("once the balance is paid");
        }
    }

    [Fact]
    public async Task NeedsInformation_NamesEachMissingItem()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        await _factory.FireAsync(request.Id, "RequestInformation", RequestScenarios.Clerk,
            ("missing", "a copy of the patient's photo ID\nthe dates of the visits you need"));
        using var client = await VerifiedBrowserAsync(request);

        var html = WebUtility.HtmlDecode((await client.GetPageAsync($"/status/{request.Id}")).Html);

        html.ShouldContain("We asked you for more information");
        html.ShouldContain("Send us the missing information");
        html.ShouldContain("<li>a copy of the patient's photo ID</li>");
        html.ShouldContain("<li>the dates of the visits you need</li>");
    }

    [Fact]
    public async Task AnExtendedDeadline_ShowsTheNewDueDateAndTheReason()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        await _factory.FireAsync(request.Id, "ExtendDeadline", RequestScenarios.Clerk,
            ("days", "20"), ("reason", "Some of the records are in off-site storage"));
        using var client = await VerifiedBrowserAsync(request);

        var html = WebUtility.HtmlDecode((await client.GetPageAsync($"/status/{request.Id}")).Html);

        var extended = RequestScenarios.Written(request.DueOn.AddDays(20));
        html.ShouldContain($"We will respond by <strong>{extended}</strong>");
        html.ShouldContain($"from {RequestScenarios.Written(request.DueOn)} to {extended} because: Some of the records are in off-site storage");
        html.ShouldContain("We extended the due date");
    }

    [Fact]
    public async Task APortalRequest_TellsThePatientToUseTheEmailedLink()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.Portal, RecordFormat.Electronic));
        var afterReview = await _factory.ThroughReviewAsync(request.Id, electronicPages: 5, package: [1, 2, 3]);
        if (afterReview == "AwaitingPayment") await _factory.PayInFullAsync(request.Id);
        await _factory.FireAsync(request.Id, "PublishToPortal", RequestScenarios.Clerk);
        using var client = await VerifiedBrowserAsync(request);

        var html = WebUtility.HtmlDecode((await client.GetPageAsync($"/status/{request.Id}")).Html);

        html.ShouldContain("The records are ready to download");
        html.ShouldContain("Open the link we e-mailed you");
        html.ShouldContain("The records were put on the secure download page");
    }
}
