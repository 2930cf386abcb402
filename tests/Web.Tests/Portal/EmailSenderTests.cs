using System.Net;
using System.Net.Sockets;
using System.Text;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BackOffice.Web.Tests.Portal;

/// <summary>The e-mail seam: .eml files by default, SMTP through MailKit once a host is configured.</summary>
public sealed class EmailSenderTests
{
    [Fact]
    public async Task WithoutAnSmtpHost_EachMessageIsWrittenAsAnEmlFile_InTheMailFolder()
    {
        await using var factory = new BackOfficeFactory();
        var sender = factory.Services.GetRequiredService<IEmailSender>();

        await sender.SendAsync(new OutgoingEmail("someone@example.org", "Test subject", "Test body"));

        sender.ShouldBeOfType<PickupDirectoryEmailSender>();
        var file = Directory.GetFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml").ShouldHaveSingleItem();
        var message = MimeKit.MimeMessage.Load(file);
        message.To.ToString().ShouldBe("someone@example.org");
        message.From.ToString().ShouldBe("\"Medical Records\" <records@localhost>");
        PortalScenario.Body(message).ShouldContain("Test body");
    }

    [Fact]
    public async Task WithAnSmtpHost_MessagesGoOutBySmtp_FromTheConfiguredAddress()
    {
        using var server = new RecordingSmtpServer();
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Smtp:Host"] = "127.0.0.1",
            ["BackOffice:Smtp:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BackOffice:Smtp:Security"] = "None",
            ["BackOffice:Smtp:From"] = "Records <records@dmg.example.org>",
        });
        var sender = factory.Services.GetRequiredService<IEmailSender>();

        await sender.SendAsync(new OutgoingEmail("patient@example.org", "Your one-time code", "Your code is 123456"));

        sender.ShouldBeOfType<SmtpEmailSender>();
        var conversation = await server.ConversationAsync();
        conversation.ShouldContain("MAIL FROM:<records@dmg.example.org>");
        conversation.ShouldContain("RCPT TO:<patient@example.org>");
        conversation.ShouldContain("Subject: Your one-time code");
        conversation.ShouldContain("Your code is 123456");
        Directory.Exists(Path.Combine(factory.DataDirectory, "mail")).ShouldBeFalse();
    }

    [Fact]
    public async Task WhenTheMailServerCannotBeReached_TheSenderSaysTheMessageWasNotSent()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now: the connection is refused
        await using var factory = new BackOfficeFactory(new Dictionary<string, string?>
        {
            ["BackOffice:Smtp:Host"] = "127.0.0.1",
            ["BackOffice:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BackOffice:Smtp:Security"] = "None",
        });
        var sender = factory.Services.GetRequiredService<IEmailSender>();

        var failure = await Should.ThrowAsync<EmailNotSentException>(() => sender.SendAsync(new OutgoingEmail("patient@example.org", "Code", "Body")));

        failure.InnerException.ShouldBeAssignableTo<SocketException>();
    }

    /// <summary>Just enough of an SMTP server (no TLS, no authentication) to accept one message and keep the conversation.</summary>
    private sealed class RecordingSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Task<string> _conversation;

        public RecordingSmtpServer()
        {
            _listener.Start();
            _conversation = Task.Run(ServeOneAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Task<string> ConversationAsync() => _conversation.WaitAsync(TimeSpan.FromSeconds(30));

        public void Dispose() => _listener.Stop();

        private async Task<string> ServeOneAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            var log = new StringBuilder();
            await writer.WriteLineAsync("220 test ESMTP");
            var inData = false;
            while (await reader.ReadLineAsync() is { } line)
            {
                log.AppendLine(line);
                if (inData)
                {
                    if (line == ".")
                    {
                        inData = false;
                        await writer.WriteLineAsync("250 queued");
                    }

                    continue;
                }

                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 test");
                        break;
                    case "DATA":
                        inData = true;
                        await writer.WriteLineAsync("354 go ahead");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return log.ToString();
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }

            return log.ToString();
        }
    }
}
