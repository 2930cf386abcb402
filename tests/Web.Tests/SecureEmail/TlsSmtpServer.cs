using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace BackOffice.Web.Tests.SecureEmail;

/// <summary>
/// An SMTP server in this process (the SmtpServer package) that offers STARTTLS with a self-signed test certificate, or,
/// without one, plain text only. It keeps every message it accepts and whether the session was encrypted; given an answer
/// delay, it takes that long to accept each message, as a busy relay does. <see cref="RefusingEveryRecipient"/> refuses
/// every message in the words Postfix uses, naming the recipient's address.
/// </summary>
public sealed class TlsSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private TlsSmtpServer(bool offerTls, TimeSpan answerDelay = default, bool refuse = false)
    {
        Port = SmtpPorts.Free();
        Certificate = offerTls ? CreateCertificate() : null;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Port(Port, isSecure: false);
                if (Certificate is not null) endpoint.Certificate(Certificate);
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received, answerDelay, refuse));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public X509Certificate2? Certificate { get; }

    /// <summary>SHA-256 of the certificate, as <c>BackOffice:Smtp:CertificateThumbprint</c> takes it.</summary>
    public string? Thumbprint => Certificate is null ? null : Convert.ToHexString(Certificate.GetCertHash(HashAlgorithmName.SHA256));

    public ConcurrentQueue<(MimeMessage Message, bool Secure)> Received { get; } = new();

    public static TlsSmtpServer WithStartTls() => new(offerTls: true);

    public static TlsSmtpServer PlainTextOnly(TimeSpan answerDelay = default) => new(offerTls: false, answerDelay);

    /// <summary>Plain text; every message refused with "550 5.1.1 &lt;address&gt;: Recipient address rejected: …", none kept.</summary>
    public static TlsSmtpServer RefusingEveryRecipient() => new(offerTls: false, refuse: true);

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // stopping
        }

        _stop.Dispose();
        Certificate?.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // SslStream on Linux wants a certificate whose key came from a PKCS#12 blob.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private sealed class Store(ConcurrentQueue<(MimeMessage, bool)> received, TimeSpan answerDelay, bool refuse) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (refuse)
            {
                var to = transaction.To[0];
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable,
                    $"5.1.1 <{to.User}@{to.Host}>: Recipient address rejected: User unknown in local recipient table");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue((await MimeMessage.LoadAsync(stream, cancellationToken), context.Pipe.IsSecure));
            if (answerDelay > TimeSpan.Zero) await Task.Delay(answerDelay, cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
