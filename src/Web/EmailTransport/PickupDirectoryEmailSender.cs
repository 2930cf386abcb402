using Microsoft.Extensions.Options;

namespace BackOffice.Web.EmailTransport;

/// <summary>
/// Writes each message as an RFC 822 .eml file into a folder (any mail client opens one; an MTA pickup folder can
/// send them). The file appears complete or not at all: it is written under a temporary name and then renamed.
/// </summary>
public sealed class PickupDirectoryEmailSender(string directory, IOptions<SmtpOptions> options, TimeProvider time, ILogger<PickupDirectoryEmailSender> logger)
    : IEmailSender
{
    private static int _written;

    public string Directory { get; } = directory;

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteAsync(email, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EmailNotSentException("The mail folder could not be written.", ex);
        }
    }

    private async Task WriteAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var message = MimeMessages.Create(email, options.Value, now);
        System.IO.Directory.CreateDirectory(Directory);
        // Named by the time and then the order of writing, so the folder lists newest last even when two messages share a
        // millisecond (or a test's clock stands still); the rest of the 32 hex digits is random.
        var sequence = (uint)Interlocked.Increment(ref _written);
        var name = $"{now.UtcDateTime:yyyyMMdd'T'HHmmssfff}-{sequence:x8}{Guid.NewGuid().ToString("N")[8..]}.eml";
        var temporary = Path.Combine(Directory, name + ".tmp");
        await using (var stream = File.Create(temporary))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        File.Move(temporary, Path.Combine(Directory, name));
        logger.LogInformation("E-mail \"{Subject}\" written to {File}", email.Subject, name);
    }
}
