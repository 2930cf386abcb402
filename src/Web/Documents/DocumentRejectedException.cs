namespace BackOffice.Web.Documents;

/// <summary>An upload was refused; the message is written for the person who uploaded it.</summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException()
    {
    }

    public DocumentRejectedException(string message) : base(message)
    {
    }

    public DocumentRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
