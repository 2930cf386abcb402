using BackOffice.Web.Jobs;
using BackOffice.Web.SecureEmail;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.SecureEmail;

/// <summary>A request taken to "Send by e-mail", and the outbox row that carries the records, run as a worker runs it.</summary>
public static class SecureEmailScenario
{
    public const string Passphrase = "correct horse battery staple";
    public const string RecordsText = "Visit note: knee, May 2023";

    /// <summary>A patient's own request delivered by e-mail, sent by a clerk after review (and payment).</summary>
    public static async Task<RecordsRequest> SentByClerkAsync(BackOfficeFactory factory, DeliveryMethod delivery, string recipientEmail,
        byte[]? package = null)
    {
        var protectedPassphrase = factory.Services.GetRequiredService<EmailPassphrases>().Protect(Passphrase);
        var draft = RequestScenarios.PatientDraft(delivery, RecordFormat.Electronic, email: recipientEmail) with
        {
            ProtectedEmailPassphrase = delivery == DeliveryMethod.SecureEmail ? protectedPassphrase : null,
            UnencryptedEmailRiskAccepted = delivery == DeliveryMethod.UnencryptedEmail,
        };
        var request = await factory.StartAsync(draft);
        var state = await factory.ThroughReviewAsync(request.Id, electronicPages: 4, package: package ?? Poppler.PdfWith(RecordsText));
        if (state == "AwaitingPayment") await factory.PayInFullAsync(request.Id);
        (await factory.FireAsync(request.Id, "SendSecurely", RequestScenarios.Clerk)).ToState.ShouldBe(RecordsEmailHandler.SendingState);
        return request;
    }

    public static Task<OutboxMessage> RecordsRowAsync(BackOfficeFactory factory, Guid requestId) =>
        factory.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.RequestId == requestId && o.Type == RecordsEmailHandler.MessageType));

    /// <summary>Runs the outbox row as the enqueued job would.</summary>
    public static async Task DispatchAsync(BackOfficeFactory factory, Guid outboxMessageId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(outboxMessageId);
    }
}
