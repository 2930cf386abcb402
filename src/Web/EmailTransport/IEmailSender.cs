namespace BackOffice.Web.EmailTransport;

/// <summary>
/// One message to one person: plain text, and the same words as HTML when <see cref="HtmlBody"/> is given (sent as
/// multipart/alternative). Messages to patients carry the least health information that does the job: a link, a
/// code, a tracking number, dates and amounts, never diagnoses or record contents.
/// </summary>
public sealed record OutgoingEmail(string To, string Subject, string TextBody, string? HtmlBody = null)
{
    /// <summary>A stable Message-Id (without angle brackets, e.g. <c>{outbox id}@backoffice</c>) so a message sent
    /// twice after a retry is recognisable as one by the receiving side; a new one is made when null.</summary>
    public string? MessageId { get; init; }

    /// <summary>Files sent with the message (the records themselves, for delivery by e-mail).</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// The message carries health information: it leaves only over an encrypted SMTP connection (STARTTLS required, or
    /// TLS on connect), never in clear, whatever <see cref="SmtpOptions.Security"/> allows for other mail.
    /// </summary>
    public bool RequireTls { get; init; }
}

/// <summary>A file attached to a message.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Sends e-mail. By default messages are written as .eml files to <c>&lt;data directory&gt;/mail/</c> (development,
/// tests, a mail pickup folder); with <c>BackOffice:Smtp:Host</c> configured they go out by SMTP.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}
