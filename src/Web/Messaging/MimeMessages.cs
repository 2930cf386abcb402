using MimeKit;

namespace BackOffice.Web.Messaging;

internal static class MimeMessages
{
    public static MimeMessage Create(OutgoingEmail email, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain") { Text = email.TextBody };
        return message;
    }
}
