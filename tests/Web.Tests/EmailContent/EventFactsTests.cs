using System.Globalization;
using BackOffice.Web.Jobs;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Tests.Documents;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace BackOffice.Web.Tests.EmailContent;

/// <summary>
/// A message says what was true when its event happened, however late its job runs: the event fires, the request
/// changes, then the outbox row is carried out. Messages the change made pointless are skipped with the reason recorded.
/// </summary>
public sealed class EventFactsTests : IAsyncDisposable
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private readonly BackOfficeFactory _factory = new();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private Task<OutboxMessage> RowAsync(Guid requestId, string type) =>
        _factory.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.RequestId == requestId && o.Type == type).OrderBy(o => o.CreatedAt).FirstAsync());

    /// <summary>Carries the row out as its job would, then returns the message it wrote (null when none) and the row.</summary>
    private async Task<(MimeMessage? Message, OutboxMessage Row)> DispatchAsync(OutboxMessage row)
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(row.Id);
        }

        var done = await _factory.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == row.Id));
        var folder = Path.Combine(_factory.DataDirectory, "mail");
        var message = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).SingleOrDefault(m => m.MessageId == $"{row.Id:N}@backoffice")
            : null;
        return (message, done);
    }

    private static string Money(decimal amount) => amount.ToString("C", English);

    [Fact]
    public async Task InvoiceIssued_StatesTheInvoicesAmountDue_EvenWhenPaidBeforeTheJobRan()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        (await _factory.ThroughReviewAsync(request.Id, paperPages: 40)).ShouldBe("AwaitingPayment");
        var fee = (await _factory.LoadAsync(request.Id)).FeeTotal.ShouldNotBeNull();
        var row = await RowAsync(request.Id, "InvoiceIssued");
        await _factory.PayInFullAsync(request.Id);

        var (message, done) = await DispatchAsync(row);

        var text = message.ShouldNotBeNull().TextBody.ShouldNotBeNull();
        text.ShouldContain($"There is a fee of {Money(fee)}; the amount due is {Money(fee)}.");
        done.Note.ShouldBeNull();
        // The invoice PDF rendered late shows the invoice's balance too, not the payment made after it.
        await using var scope = _factory.Services.CreateAsyncScope();
        var invoice = await scope.ServiceProvider.GetRequiredService<IRequestDocumentRenderer>().RenderAsync(request.Id, RequestDocumentTypes.Invoice);
        var pdf = DocumentScenarios.TextOf(invoice.Content);
        pdf.ShouldContain("Balance due " + Money(fee));
        pdf.ShouldNotContain("Paid in full");
    }

    [Fact]
    public async Task PaymentReceived_StatesThatPaymentAndTheBalanceThen_NotALaterOne()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        await _factory.ThroughReviewAsync(request.Id, paperPages: 40);
        var fee = (await _factory.LoadAsync(request.Id)).FeeTotal.ShouldNotBeNull();
        var first = Math.Round(fee / 2, 2);
        await _factory.FireAsync(request.Id, "RecordPayment", RequestScenarios.Clerk, ("method", "Check"), ("amount", first.ToString(CultureInfo.InvariantCulture)), ("checkNumber", "101"));
        var row = await RowAsync(request.Id, "PaymentReceived");
        await _factory.PayInFullAsync(request.Id);

        var (message, _) = await DispatchAsync(row);

        var text = message.ShouldNotBeNull().TextBody.ShouldNotBeNull();
        text.ShouldContain(Money(first));
        text.ShouldContain(Money(fee - first));
    }

    [Fact]
    public async Task NeedsInformation_IsSkippedWithTheReason_WhenTheInformationArrivedBeforeTheJobRan()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        await _factory.FireAsync(request.Id, "RequestInformation", RequestScenarios.Clerk, ("missing", "A copy of the photo ID"));
        var row = await RowAsync(request.Id, "NeedsInformation");
        (await _factory.FireAsync(request.Id, "InformationReceived", RequestScenarios.Clerk)).ToState.ShouldBe("Received");

        var (message, done) = await DispatchAsync(row);

        message.ShouldBeNull();
        done.ProcessedAt.ShouldNotBeNull();
        done.Note.ShouldNotBeNull().ShouldContain("arrived");
    }

    [Fact]
    public async Task NeedsInformation_ListsTheItemsOfItsEvent_EvenIfTheListChangedSince()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        await _factory.FireAsync(request.Id, "RequestInformation", RequestScenarios.Clerk, ("missing", "A copy of the photo ID"));
        var row = await RowAsync(request.Id, "NeedsInformation");
        // The same information request is sent again later naming something else (a second event of its own).
        await _factory.FireAsync(request.Id, "InformationReceived", RequestScenarios.Clerk);
        await _factory.FireAsync(request.Id, "RequestInformation", RequestScenarios.Clerk, ("missing", "The guardianship papers"));

        var (message, _) = await DispatchAsync(row);

        var text = message.ShouldNotBeNull().TextBody.ShouldNotBeNull();
        text.ShouldContain("A copy of the photo ID");
        text.ShouldNotContain("guardianship");
    }

    [Fact]
    public async Task Cancelled_StatesTheDayAndReasonOfTheCancellation()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        await _factory.FireAsync(request.Id, "Cancel", RequestScenarios.Clerk, ("reason", "Asked twice; the other request goes ahead"));
        var row = await RowAsync(request.Id, "Cancelled");

        var (message, _) = await DispatchAsync(row);

        message.ShouldNotBeNull().TextBody.ShouldNotBeNull().ShouldContain("Asked twice; the other request goes ahead");
    }

    [Fact]
    public async Task AnInvoiceMessage_IsSkipped_WhenTheRequestWasCancelledBeforeTheJobRan()
    {
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft());
        await _factory.ThroughReviewAsync(request.Id, paperPages: 40);
        var row = await RowAsync(request.Id, "InvoiceIssued");
        await _factory.FireAsync(request.Id, "Cancel", RequestScenarios.Clerk, ("reason", "No longer needed"));

        var (message, done) = await DispatchAsync(row);

        message.ShouldBeNull();
        done.Note.ShouldNotBeNull().ShouldContain("cancelled");
    }
}
