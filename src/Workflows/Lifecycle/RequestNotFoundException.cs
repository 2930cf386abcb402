namespace BackOffice.Workflows.Lifecycle;

public sealed class RequestNotFoundException : Exception
{
    public RequestNotFoundException(Guid requestId) : base($"Request {requestId} does not exist.") => RequestId = requestId;

    public RequestNotFoundException() { }

    public RequestNotFoundException(string message) : base(message) { }

    public RequestNotFoundException(string message, Exception innerException) : base(message, innerException) { }

    public Guid RequestId { get; }
}
