using System.Globalization;
using System.Text;
using BackOffice.Web.EmailContent;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace BackOffice.Web.Tests.EmailContent;

/// <summary>
/// The app configured to send through a real SMTP server running in this process (netDumbster on a free port, no
/// TLS), with a staff mailbox. Tests compose a message, send it with the app's <see cref="IEmailSender"/> and read what
/// the server received.
/// </summary>
public sealed class SmtpApp : IAsyncLifetime
{
    public const string StaffMailbox = "records-team@dmg.example.org";

    public SimpleSmtpServer Server { get; private set; } = null!;
    public BackOfficeFactory Factory { get; private set; } = null!;

    public Task InitializeAsync()
    {
        var port = FreePort();
        Server = SimpleSmtpServer.Start(port);
        Factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Smtp:Host"] = "127.0.0.1",
            ["BackOffice:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["BackOffice:Smtp:Security"] = "None",
            ["BackOffice:Smtp:From"] = "Medical Records <records@dmg.example.org>",
            ["BackOffice:Notifications:StaffMailbox"] = StaffMailbox,
            ["BackOffice:Site:PublicBaseUrl"] = "https://records.dmg.example.org",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Composes the requester message, sends it by SMTP and returns it as the server received it.</summary>
    public async Task<MimeMessage> SendRequesterMessageAsync(Guid requestId, string type)
    {
        ComposedMessage composed;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            composed = await scope.ServiceProvider.GetRequiredService<IRequesterMessageComposer>().ComposeAsync(requestId, type)
                ?? throw new ShouldAssertException($"no {type} message was composed");
        }

        return await SendAsync(composed);
    }

    public async Task<MimeMessage> SendAsync(ComposedMessage composed)
    {
        ArgumentNullException.ThrowIfNull(composed);
        // The server does not keep arrival order; a Message-Id of our own picks this message out.
        var messageId = $"{Guid.NewGuid():N}@tests.backoffice";
        var sender = Factory.Services.GetRequiredService<IEmailSender>();
        sender.ShouldBeOfType<SmtpEmailSender>();
        await sender.SendAsync(new OutgoingEmail(composed.To, composed.Subject, composed.TextBody, composed.HtmlBody) { MessageId = messageId });
        for (var waited = 0; waited < 200; waited++)
        {
            foreach (var received in Server.ReceivedEmail)
            {
                var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(received.Data)));
                if (message.MessageId == messageId) return message;
            }

            await Task.Delay(25);
        }

        throw new ShouldAssertException($"the SMTP server did not receive message {messageId}");
    }
}
