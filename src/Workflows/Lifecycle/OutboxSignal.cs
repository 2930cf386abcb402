using System.Threading.Channels;

namespace BackOffice.Workflows.Lifecycle;

/// <summary>Told after a commit which outbox rows it wrote, so a dispatcher can send them promptly.</summary>
public interface IOutboxSignal
{
    void Committed(IReadOnlyList<Guid> outboxMessageIds);
}

/// <summary>
/// Hands committed outbox ids to whatever dispatches them in this process. Losing a signal is safe:
/// the rows stay unprocessed in the database and a sweep picks them up.
/// </summary>
public sealed class ChannelOutboxSignal : IOutboxSignal
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<Guid> Reader => _channel.Reader;

    public void Committed(IReadOnlyList<Guid> outboxMessageIds)
    {
        ArgumentNullException.ThrowIfNull(outboxMessageIds);
        foreach (var id in outboxMessageIds) _channel.Writer.TryWrite(id);
    }
}
