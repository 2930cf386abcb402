namespace BackOffice.Workflows.Uploads;

/// <summary>
/// A file an anonymous online request (the wizard) stored before the request was sent. The row is written before the
/// file, so no stored upload goes unrecorded; it goes away in the commit that creates the request naming the file, when
/// the wizard replaces the upload (the file is deleted too), or when the abandoned-uploads job deletes the file of a
/// wizard no browser can send any more. Staff uploads are never staged: they belong to a signed-in clerk's work.
/// </summary>
public sealed class StagedUpload
{
    private StagedUpload() { }

    /// <summary>The document store's key of the file (<c>yyyy/&lt;32 hex&gt;</c>).</summary>
    public string StorageKey { get; private set; } = "";

    /// <summary>The wizard (its submission id) the file was uploaded to.</summary>
    public Guid WizardId { get; private set; }

    /// <summary>The client address it came from, as the upload limits count it (an IPv6 address by its /64).</summary>
    public string ClientAddress { get; private set; } = "";

    /// <summary>The size the client declared for the file, in bytes; what the total for unsent wizards adds up.</summary>
    public long Size { get; private set; }

    public DateTimeOffset StagedAt { get; private set; }

    /// <summary>The last time the wizard's answers naming this file were handed to the browser: a browser can send
    /// them until this plus the wizard's idle limit.</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    public static StagedUpload Stage(string storageKey, Guid wizardId, string clientAddress, long size, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(storageKey);
        ArgumentException.ThrowIfNullOrEmpty(clientAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new StagedUpload
        {
            StorageKey = storageKey,
            WizardId = wizardId,
            ClientAddress = clientAddress,
            Size = size,
            StagedAt = at,
            LastSeenAt = at,
        };
    }
}
