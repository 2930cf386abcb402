using System.Globalization;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Tests.Documents;

/// <summary>The invoice read back from the PDF: every charge with its basis, the rule-set version, payments, balance and how to pay.</summary>
public sealed class InvoiceTests(DocumentsApp app) : IClassFixture<DocumentsApp>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private BackOfficeFactory Factory => app.Factory;

    private static string Money(decimal amount) => amount.ToString("C", English);

    [Fact]
    public async Task Invoice_ItemisesEachChargeWithItsBasis_TheRuleSetVersion_AndHowToPay()
    {
        var request = await Factory.StartAsync(DocumentScenarios.AttorneyDraft());
        (await Factory.ThroughReviewWithExclusionsAsync(request.Id, paperPages: 120)).ShouldBe("AwaitingPayment");
        var stored = await Factory.LoadAsync(request.Id);
        var today = await Factory.TodayAsync();

        var document = await Factory.RenderAsync(request.Id, RequestDocumentTypes.Invoice);

        document.FileName.ShouldBe($"invoice-{request.TrackingNumber}.pdf");
        var text = DocumentScenarios.TextOf(document.Content);
        text.ShouldContain("Jordan Blake");
        text.ShouldContain("Blake & Reyes LLP");
        text.ShouldContain("200 W Adams St");
        text.ShouldContain($"Tracking number {request.TrackingNumber}");
        text.ShouldContain("Patient Maria Lopez");
        text.ShouldContain("Invoice date " + RequestScenarios.Written(today));
        text.ShouldContain("Payment due On receipt: records are released after payment");
        stored.FeeLines.Count.ShouldBeGreaterThan(1);
        foreach (var line in stored.FeeLines)
        {
            text.ShouldContain(Money(line.Amount));
            text.ShouldContain("Allowed by: " + line.Basis);
        }

        // The Illinois 2024 schedule's first tier, split into quantity and unit price: 25 × $1.30 = $32.50.
        text.ShouldContain("Paper copies, pages 1-25 25 $1.30 $32.50");
        text.ShouldContain("Total " + Money(stored.FeeTotal!.Value));
        text.ShouldContain("Balance due " + Money(stored.BalanceDue));
        text.ShouldContain($"fee rule set version {stored.FeeRuleSetVersion}");
        text.ShouldContain("call (312) 757-5020, Monday through Friday, 8 AM – 5 PM");
        text.ShouldContain($"make the check payable to DuPage Medical Group, write the tracking number {request.TrackingNumber} on it");
        text.ShouldContain("1100 W 31st Street, Downers Grove, IL 60515");
        text.ShouldContain("We cannot accept cash.");
        text.ShouldContain($"still unpaid on {RequestScenarios.Written(today.AddDays(60))}, the request is cancelled");
        File.Exists(await Artifacts.RenderFirstPageAsync(document.Content, "document-invoice")).ShouldBeTrue();
    }

    [Fact]
    public async Task Invoice_RenderedAfterAPartPayment_StatesTheAmountsOfItsIssue_NotThePaymentMadeSince()
    {
        var request = await Factory.StartAsync(DocumentScenarios.AttorneyDraft());
        await Factory.ThroughReviewWithExclusionsAsync(request.Id, paperPages: 120);
        await Factory.FireAsync(request.Id, "RecordPayment", RequestScenarios.Clerk, ("method", "Check"), ("amount", "50.00"), ("checkNumber", "1042"));
        var stored = await Factory.LoadAsync(request.Id);

        var document = await Factory.RenderAsync(request.Id, RequestDocumentTypes.Invoice);

        File.Exists(await Artifacts.RenderFirstPageAsync(document.Content, "document-invoice-part-paid")).ShouldBeTrue();
        // The invoice of the "invoice issued" event: its own amounts, however late it is rendered (the mailing batch
        // prints the current statement, with the payments).
        var text = DocumentScenarios.TextOf(document.Content);
        text.ShouldNotContain("check no. 1042");
        text.ShouldContain("Balance due " + Money(stored.FeeTotal!.Value));
        text.ShouldContain("We cannot accept cash.");
    }

    [Fact]
    public async Task Invoice_ForCopiesSentToAProvider_ShowsNoCharge()
    {
        var request = await Factory.StartAsync(DocumentScenarios.ProviderDraft());
        (await Factory.ThroughReviewAsync(request.Id, paperPages: 30)).ShouldBe("ReadyForRelease");

        var document = await Factory.RenderAsync(request.Id, RequestDocumentTypes.Invoice);

        File.Exists(await Artifacts.RenderFirstPageAsync(document.Content, "document-invoice-no-charge")).ShouldBeTrue();
        var text = DocumentScenarios.TextOf(document.Content);
        text.ShouldContain("No charge: records sent directly to another medical");
        text.ShouldContain("Allowed by: Medical group policy");
        text.ShouldContain("Balance due $0.00");
        text.ShouldContain("There is no charge for this request.");
        text.ShouldNotContain("How to pay");
    }

    [Fact]
    public async Task Render_AnUnknownType_ThrowsNamingIt()
    {
        var request = await Factory.StartAsync(RequestScenarios.PatientDraft());

        var error = await Should.ThrowAsync<ArgumentException>(() => Factory.RenderAsync(request.Id, "Brochure"));

        error.Message.ShouldContain("'Brochure'");
        error.ParamName.ShouldBe("documentType");
    }
}
