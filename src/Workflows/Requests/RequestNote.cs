namespace BackOffice.Workflows.Requests;

public sealed class RequestNote
{
    private RequestNote() { }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Author { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset WrittenAt { get; private set; }

    internal static RequestNote Create(Guid requestId, string author, string text, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("A note cannot be empty.", "text");
        }

        return new RequestNote { Id = Guid.CreateVersion7(), RequestId = requestId, Author = author, Text = text.Trim(), WrittenAt = at };
    }
}
