using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.EmailTransport;

/// <summary>Sends through the configured SMTP server; one connection per message (patient mail is low volume).</summary>
public sealed partial class SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider time, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        try
        {
            await SendOnceAsync(email, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The cause's own words ("does not support the STARTTLS extension", "connection refused") say what to fix. A
            // server's refusal often repeats the recipient's address ("5.1.1 <name@example.org>: Recipient address
            // rejected"), and the outbox logs and stores what is thrown: the address is left out, and so is the server's
            // exception, which carries it too.
            var words = MailAddress().Replace(ex.Message, "<address>");
            throw words == ex.Message ? new EmailNotSentException(ex.Message, ex) : new EmailNotSentException($"{ex.GetType().Name}: {words}");
        }
    }

    /// <summary>An e-mail address in a server's answer, with its angle brackets when it has them.</summary>
    [GeneratedRegex(@"<?[^\s<>@,;:""()\[\]]+@[^\s<>@,;:""()\[\]]+>?", RegexOptions.CultureInvariant)]
    private static partial Regex MailAddress();

    private async Task SendOnceAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = MimeMessages.Create(email, settings, time.GetUtcNow());
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        if (!string.IsNullOrWhiteSpace(settings.CertificateThumbprint))
        {
            var pinned = Convert.FromHexString(settings.CertificateThumbprint.Replace(":", "", StringComparison.Ordinal).Trim());
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || (certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), pinned));
        }

        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("BackOffice:Smtp:Host is not set."), settings.Port,
            SecurityFor(email, settings), cancellationToken);
        if (email.RequireTls && settings.RequireTlsForRecords && !client.IsSecure)
            throw new InvalidOperationException("The mail server connection is not encrypted; records are not sent in clear.");
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("E-mail \"{Subject}\" sent through {Host}", email.Subject, settings.Host);
    }

    /// <summary>Records require TLS: on connect where so configured, else STARTTLS that the server must offer.</summary>
    private static SecureSocketOptions SecurityFor(OutgoingEmail email, SmtpOptions settings) =>
        !email.RequireTls || !settings.RequireTlsForRecords || settings.Security is SecureSocketOptions.SslOnConnect or SecureSocketOptions.StartTls
            ? settings.Security
            : settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
}
