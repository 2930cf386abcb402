using BackOffice.Web.Documents;
using BackOffice.Web.EmailContent;
using BackOffice.Web.EmailTransport;
using BackOffice.Web.Localization;
using BackOffice.Workflows.Lifecycle;
using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BackOffice.Web.SecureEmail;

/// <summary>
/// Sends the records for a <c>RequesterMessage/RecordsByEmail</c> outbox row (the request is in SendingByEmail), to the
/// recipient's e-mail address, over TLS: the release package as a PDF encrypted with the requester's passphrase, or as
/// a plain PDF when the patient chose unencrypted e-mail for their own records. Only once the mail server took the
/// message does the request move on (<c>EmailHandedOff</c>: disclosure logged, passphrase erased, completed); a send
/// that fails leaves it waiting and becomes an incident like any other message. Without a usable passphrase (a paper
/// request, a requester who asked for a link, an unreadable key) or with a package too large to attach, the records go
/// as a secure download link instead (<c>UseSecureLink</c>: the portal's link and one-time code).
/// </summary>
public sealed class RecordsEmailHandler(
    BackOfficeDbContext db,
    LifecycleEngine engine,
    DocumentStore documents,
    IEmailSender email,
    EmailPassphrases passphrases,
    MessageTemplates templates,
    MessageBasics basics,
    IStringLocalizer<MessageWords> words,
    IOptions<SecureEmailOptions> options,
    ILogger<RecordsEmailHandler> logger)
{
    public const string MessageType = "RecordsByEmail";
    public const string SendingState = "SendingByEmail";
    public const string HandedOffTrigger = "EmailHandedOff";
    public const string SecureLinkTrigger = "UseSecureLink";

    /// <summary>Sends the records (or switches to a secure link); null when sent, else what was done instead.</summary>
    public async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = await db.Requests.AsNoTracking().Include(r => r.Documents)
            .SingleAsync(r => r.Id == message.RequestId, cancellationToken);
        if (request.State != SendingState) return "The request was no longer waiting to be e-mailed; nothing was sent.";
        var to = MessageBasics.Address(request.Recipient.Email);
        var package = request.Documents.Where(d => d.Kind == DocumentKind.ReleasePackage).MaxBy(d => d.UploadedAt);
        if (to is null || package is null) return await UseSecureLinkAsync(request, "no e-mail address or no package to attach", cancellationToken);
        if (package.Size > options.Value.MaxAttachmentBytes)
            return await UseSecureLinkAsync(request, "the package is too large to attach", cancellationToken);

        var encrypted = request.Delivery == DeliveryMethod.SecureEmail;
        var passphrase = encrypted ? passphrases.TryUnprotect(request.ProtectedEmailPassphrase) : null;
        if (encrypted && passphrase is null) return await UseSecureLinkAsync(request, "no passphrase to encrypt the file with", cancellationToken);

        byte[] content;
        await using (var stored = documents.OpenRead(package.StorageKey))
        using (var buffer = new MemoryStream())
        {
            await stored.CopyToAsync(buffer, cancellationToken);
            content = encrypted ? EncryptedPdf.Encrypt(buffer.ToArray(), package.ContentType, passphrase!) : EncryptedPdf.Plain(buffer.ToArray(), package.ContentType);
        }

        // The recipient's language: the requester's when the records go to the requester, English for a third party.
        var language = MessageLanguage.ForRecipient(request);
        RenderedMessage rendered;
        using (SiteLanguages.Use(language))
        {
            var values = basics.Common(request.TrackingNumber, language).Set("OpenWith", words[encrypted ? "OpenWith.Encrypted" : "OpenWith.Plain"]);
            rendered = templates.Render(MessageType, values, language);
        }

        await email.SendAsync(new OutgoingEmail(to, rendered.Subject, rendered.TextBody, rendered.HtmlBody)
        {
            MessageId = $"{message.Id:N}@backoffice",
            RequireTls = true,
            Attachments = [new EmailAttachment($"records-{request.TrackingNumber}.pdf", "application/pdf", content)],
        }, cancellationToken);

        // Handed to the mail server: only now does the request count as sent (disclosure logged, passphrase erased).
        await engine.FireAsync(request.Id, HandedOffTrigger, Actor.System, TriggerArgs.None, cancellationToken: CancellationToken.None);
        logger.LogInformation("Records for request {TrackingNumber} e-mailed ({Kind})", request.TrackingNumber, encrypted ? "encrypted" : "unencrypted");
        return null;
    }

    private async Task<string> UseSecureLinkAsync(RecordsRequest request, string why, CancellationToken cancellationToken)
    {
        await engine.FireAsync(request.Id, SecureLinkTrigger, Actor.System, TriggerArgs.None, cancellationToken: cancellationToken);
        logger.LogInformation("Records for request {TrackingNumber} go as a secure link: {Reason}", request.TrackingNumber, why);
        return $"Sent as a secure download link instead: {why}.";
    }
}
