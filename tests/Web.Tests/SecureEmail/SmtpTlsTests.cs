using System.Globalization;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Tests.SecureEmail;

/// <summary>Records leave only over TLS: a server offering STARTTLS takes them; a plain-text-only server never gets them.</summary>
public sealed class SmtpTlsTests
{
    private static BackOfficeFactory AppSendingTo(TlsSmtpServer server) => new(new Dictionary<string, string?>
    {
        ["BackOffice:Smtp:Host"] = "127.0.0.1",
        ["BackOffice:Smtp:Port"] = server.Port.ToString(CultureInfo.InvariantCulture),
        // Ordinary mail may go in clear where the server allows it; records never do.
        ["BackOffice:Smtp:Security"] = "StartTlsWhenAvailable",
        ["BackOffice:Smtp:CertificateThumbprint"] = server.Thumbprint,
        ["BackOffice:Jobs:MaxAttempts"] = "1",
    });

    [Fact]
    public async Task Records_GoOverStartTls_ToAServerThatOffersIt()
    {
        using var server = TlsSmtpServer.WithStartTls();
        await using var app = AppSendingTo(server);
        const string to = "maria.tls@example.org";
        var request = await SecureEmailScenario.SentByClerkAsync(app, DeliveryMethod.SecureEmail, to);

        await SecureEmailScenario.DispatchAsync(app, (await SecureEmailScenario.RecordsRowAsync(app, request.Id)).Id);

        var (message, secure) = server.Received.Where(r => r.Message.To.Mailboxes.Any(m => m.Address == to)).ShouldHaveSingleItem();
        secure.ShouldBeTrue();
        message.Attachments.ShouldHaveSingleItem();
        (await app.LoadAsync(request.Id)).State.ShouldBe("Completed");
    }

    [Fact]
    public async Task Records_AreNotSentToAPlainTextOnlyServer_AndTheRowBecomesAnIncident()
    {
        using var server = TlsSmtpServer.PlainTextOnly();
        await using var app = AppSendingTo(server);
        var request = await SecureEmailScenario.SentByClerkAsync(app, DeliveryMethod.SecureEmail, "maria.plain-server@example.org");
        var row = await SecureEmailScenario.RecordsRowAsync(app, request.Id);

        await SecureEmailScenario.DispatchAsync(app, row.Id);

        server.Received.ShouldNotContain(r => r.Message.Attachments.Any());
        var failed = await app.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == row.Id));
        failed.HasOpenIncident.ShouldBeTrue();
        failed.IncidentReason.ShouldNotBeNull().ShouldContain("STARTTLS", Case.Insensitive);
        // Nothing left the department: the request waits, no disclosure is logged, the passphrase is kept for the retry.
        var waiting = await app.LoadAsync(request.Id);
        waiting.State.ShouldBe("SendingByEmail");
        waiting.ProtectedEmailPassphrase.ShouldNotBeNull();
        (await app.QueryAsync(db => db.Disclosures.AnyAsync(d => d.RequestId == request.Id))).ShouldBeFalse();
    }
}
