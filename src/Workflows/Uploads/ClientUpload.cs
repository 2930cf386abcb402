namespace BackOffice.Workflows.Uploads;

/// <summary>
/// One upload from an anonymous client, kept for the per-address limit's window whatever became of the file (sent,
/// replaced or abandoned), so sending or replacing files does not give an address its allowance back. Shared by every
/// node through the database.
/// </summary>
public sealed class ClientUpload
{
    private ClientUpload() { }

    public Guid Id { get; private set; }

    /// <summary>The client address as the limits count it (an IPv6 address by its /64).</summary>
    public string ClientAddress { get; private set; } = "";

    /// <summary>The size the client declared, in bytes.</summary>
    public long Size { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static ClientUpload Record(string clientAddress, long size, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new ClientUpload { Id = Guid.CreateVersion7(at), ClientAddress = clientAddress, Size = size, At = at };
    }
}
