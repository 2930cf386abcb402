using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.EmailContent;

/// <summary>A message to a requester rendered from the message templates, ready to send.</summary>
public sealed record ComposedMessage(string To, string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Renders the requester message for one lifecycle event (an outbox row's <c>Type</c>, e.g. "Received",
/// "InvoiceIssued") from the facts of that event (<see cref="MessageFacts"/>, captured when it happened; the request as
/// it is now when none were). Null when the requester has no e-mail address on file.
/// </summary>
public interface IRequesterMessageComposer
{
    Task<ComposedMessage?> ComposeAsync(Guid requestId, string messageType, MessageFacts? facts = null, CancellationToken cancellationToken = default);

    /// <summary>The same for a request already read (with its payments) by the caller, which spares reading it again.</summary>
    Task<ComposedMessage?> ComposeAsync(Workflows.Requests.RecordsRequest request, string messageType, MessageFacts? facts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ComposeAsync(request.Id, messageType, facts, cancellationToken);
    }
}
