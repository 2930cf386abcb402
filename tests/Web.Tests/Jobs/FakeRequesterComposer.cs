using System.Collections.Concurrent;
using BackOffice.Web.EmailContent;
using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.Tests.Jobs;

public sealed class FakeRequesterComposer : IRequesterMessageComposer
{
    public const string Address = "requester@example.org";

    public ConcurrentQueue<(Guid RequestId, string Type)> Calls { get; } = new();
    /// <summary>Requests whose requester has no e-mail address.</summary>
    public ConcurrentDictionary<Guid, bool> NoAddress { get; } = new();

    public Task<ComposedMessage?> ComposeAsync(Guid requestId, string messageType, MessageFacts? facts = null, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((requestId, messageType));
        return Task.FromResult(NoAddress.ContainsKey(requestId)
            ? null
            : new ComposedMessage(Address, "Your records request: " + messageType, "Requester text " + messageType, "<p>" + messageType + "</p>"));
    }
}
