using System.Globalization;
using System.Text;
using BackOffice.Web.SecureEmail;
using BackOffice.Web.Tests.Status;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace BackOffice.Web.Tests.SecureEmail;

/// <summary>
/// Records by e-mail through a real SMTP server in this process (netDumbster, which has no TLS: the TLS requirement is
/// switched off here and tested in <see cref="SmtpTlsTests"/>).
/// </summary>
public sealed class SecureEmailDeliveryTests : IAsyncLifetime, IDisposable
{
    private SimpleSmtpServer _server = null!;
    private BackOfficeFactory _factory = null!;

    public Task InitializeAsync()
    {
        var port = SmtpPorts.Free();
        _server = SimpleSmtpServer.Start(port);
        _factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Smtp:Host"] = "127.0.0.1",
            ["BackOffice:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["BackOffice:Smtp:Security"] = "None",
            ["BackOffice:Smtp:RequireTlsForRecords"] = "false",
            ["BackOffice:SecureEmail:MaxAttachmentBytes"] = "200000",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _server.Stop();
    }

    public void Dispose()
    {
        _server.Dispose();
        _factory.Dispose();
    }

    private async Task<List<MimeMessage>> ReceivedByAsync(string address) =>
        [.. (await Task.WhenAll(_server.ReceivedEmail.Select(m => MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == address))];

    private static byte[] Attachment(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        using var content = new MemoryStream();
        part.Content.ShouldNotBeNull().DecodeTo(content);
        return content.ToArray();
    }

    [Fact]
    public async Task SecureEmail_SendsTheRecordsOnce_AsAFileOnlyThePassphraseOpens_ThenLogsTheDisclosureAndCompletes()
    {
        const string to = "maria.secure@example.org";
        var request = await SecureEmailScenario.SentByClerkAsync(_factory, DeliveryMethod.SecureEmail, to);
        var row = await SecureEmailScenario.RecordsRowAsync(_factory, request.Id);
        (await _factory.LoadAsync(request.Id)).ShouldSatisfyAllConditions(
            r => r.State.ShouldBe("SendingByEmail"), r => r.ProtectedEmailPassphrase.ShouldNotBeNull());

        await SecureEmailScenario.DispatchAsync(_factory, row.Id);
        await SecureEmailScenario.DispatchAsync(_factory, row.Id); // the job runs again: nothing more is sent

        var message = (await ReceivedByAsync(to)).ShouldHaveSingleItem();
        message.Subject.ShouldBe($"Medical records for request {request.TrackingNumber}");
        message.TextBody.ShouldNotBeNull().ShouldContain("Open it with the passphrase");
        message.TextBody.ShouldNotContain(SecureEmailScenario.Passphrase);
        var file = Attachment(message);
        message.Attachments.OfType<MimePart>().Single().FileName.ShouldBe($"records-{request.TrackingNumber}.pdf");
        Poppler.Text(file, SecureEmailScenario.Passphrase).Text.ShouldContain(SecureEmailScenario.RecordsText);
        Poppler.Text(file).ExitCode.ShouldNotBe(0);

        var sent = await _factory.LoadAsync(request.Id);
        sent.State.ShouldBe("Completed");
        sent.ProtectedEmailPassphrase.ShouldBeNull();
        var disclosure = await _factory.QueryAsync(db => db.Disclosures.SingleAsync(d => d.RequestId == request.Id));
        disclosure.Method.ShouldBe("SecureEmail");
    }

    // HHS guidance on 45 CFR 164.524(c)(2): the patient may have their own records by unencrypted e-mail, having accepted the risk.
    [Fact]
    public async Task UnencryptedEmail_SendsThePlainFile_ToThePatientWhoAskedForIt()
    {
        const string to = "maria.plain@example.org";
        var request = await SecureEmailScenario.SentByClerkAsync(_factory, DeliveryMethod.UnencryptedEmail, to);

        await SecureEmailScenario.DispatchAsync(_factory, (await SecureEmailScenario.RecordsRowAsync(_factory, request.Id)).Id);

        var message = (await ReceivedByAsync(to)).ShouldHaveSingleItem();
        message.TextBody.ShouldNotBeNull().ShouldContain("it is not encrypted");
        Poppler.Text(Attachment(message)).Text.ShouldContain(SecureEmailScenario.RecordsText);
        (await _factory.LoadAsync(request.Id)).State.ShouldBe("Completed");
        (await _factory.QueryAsync(db => db.Disclosures.SingleAsync(d => d.RequestId == request.Id))).Method.ShouldBe("UnencryptedEmail");
    }

    [Fact]
    public async Task APackageTooLargeToAttach_GoesAsASecureLink_CheckedLikeThePortal()
    {
        const string to = "maria.large@example.org";
        var large = Poppler.PdfWith(SecureEmailScenario.RecordsText).Concat(new byte[300_000]).ToArray();
        var request = await SecureEmailScenario.SentByClerkAsync(_factory, DeliveryMethod.SecureEmail, to, large);

        await SecureEmailScenario.DispatchAsync(_factory, (await SecureEmailScenario.RecordsRowAsync(_factory, request.Id)).Id);

        (await ReceivedByAsync(to)).ShouldAllBe(m => !m.Attachments.Any());
        var linked = await _factory.LoadAsync(request.Id);
        linked.State.ShouldBe("PublishedToPortal");
        linked.ProtectedEmailPassphrase.ShouldBeNull();
        (await _factory.QueryAsync(db => db.Outbox.AnyAsync(o => o.RequestId == request.Id && o.Type == "PublishedToPortal"))).ShouldBeTrue();
        (await _factory.QueryAsync(db => db.Disclosures.AnyAsync(d => d.RequestId == request.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task ARequesterWhoForgotThePassphrase_GetsASecureLinkInstead()
    {
        const string to = "maria.forgot@example.org";
        var protectedPassphrase = _factory.Services.GetRequiredService<EmailPassphrases>().Protect(SecureEmailScenario.Passphrase);
        var request = await _factory.StartAsync(RequestScenarios.PatientDraft(DeliveryMethod.SecureEmail, RecordFormat.Electronic, email: to)
            with { ProtectedEmailPassphrase = protectedPassphrase });

        (await _factory.FireAsync(request.Id, "ForgotPassphrase", BackOffice.Workflows.Lifecycle.Actor.Requester("the patient"))).ToState.ShouldBe("Received");

        (await _factory.LoadAsync(request.Id)).ProtectedEmailPassphrase.ShouldBeNull();
    }
}
