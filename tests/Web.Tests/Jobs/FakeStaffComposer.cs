using System.Collections.Concurrent;
using BackOffice.Web.EmailContent;
using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.Tests.Jobs;

public sealed class FakeStaffComposer : IStaffMessageComposer
{
    public const string Mailbox = "records-staff@example.org";

    public ConcurrentQueue<(Guid RequestId, string Type)> Calls { get; } = new();
    public ConcurrentQueue<DateOnly> DigestDays { get; } = new();
    public bool NothingDue { get; set; }

    public Task<ComposedMessage?> ComposeAsync(Guid requestId, string messageType, MessageFacts? facts = null, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((requestId, messageType));
        return Task.FromResult<ComposedMessage?>(new ComposedMessage(Mailbox, "Staff: " + messageType, "Staff text " + messageType, ""));
    }

    public Task<ComposedMessage?> ComposeDigestAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        DigestDays.Enqueue(day);
        return Task.FromResult(NothingDue ? null : new ComposedMessage(Mailbox, $"Requests due by {day.AddDays(5):yyyy-MM-dd}", "Digest", ""));
    }
}
