using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.EmailTransport;

/// <summary>Sends through the configured SMTP server; one connection per message (patient mail is low volume).</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider time, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var message = MimeMessages.Create(email, settings, time.GetUtcNow());
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("BackOffice:Smtp:Host is not set."), settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("E-mail \"{Subject}\" sent through {Host}", email.Subject, settings.Host);
    }
}
