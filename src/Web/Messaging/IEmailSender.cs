namespace BackOffice.Web.Messaging;

/// <summary>
/// One plain-text message to one person. Messages to patients carry the least health information that
/// does the job: a link or a code, never diagnoses or record contents.
/// </summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody);

/// <summary>
/// Sends e-mail. By default messages are written as .eml files to <c>&lt;data directory&gt;/mail/</c> (development,
/// tests, a mail pickup folder); with <c>BackOffice:Smtp:Host</c> configured they go out by SMTP.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}
