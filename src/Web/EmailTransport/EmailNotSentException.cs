namespace BackOffice.Web.EmailTransport;

/// <summary>
/// The message did not leave: the mail server could not be reached, refused it, or the pickup folder could not be
/// written. A page that sends while the person waits (a portal code) says "try again later"; the outbox retries.
/// </summary>
public sealed class EmailNotSentException : Exception
{
    public EmailNotSentException()
    {
    }

    public EmailNotSentException(string message) : base(message)
    {
    }

    public EmailNotSentException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
