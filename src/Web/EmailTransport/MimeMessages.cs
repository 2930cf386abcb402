using MimeKit;

namespace BackOffice.Web.EmailTransport;

internal static class MimeMessages
{
    public static MimeMessage Create(OutgoingEmail email, SmtpOptions options, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Date = date;
        if (!string.IsNullOrWhiteSpace(email.MessageId)) message.MessageId = email.MessageId.Trim().Trim('<', '>');
        // Text first, HTML last: a client shows the last alternative it understands.
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var file in email.Attachments) body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
        message.Body = email.HtmlBody is null && email.Attachments.Count == 0
            ? new TextPart("plain") { Text = email.TextBody }
            : body.ToMessageBody();
        return message;
    }
}
