namespace BackOffice.Web.EmailContent;

/// <summary>A template that cannot be rendered: missing, malformed, or using a placeholder the message does not provide.</summary>
public sealed class MessageTemplateException : Exception
{
    public MessageTemplateException()
    {
    }

    public MessageTemplateException(string message) : base(message)
    {
    }

    public MessageTemplateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
