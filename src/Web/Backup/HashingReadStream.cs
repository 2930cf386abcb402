using System.Security.Cryptography;

namespace BackOffice.Web.Backup;

/// <summary>
/// Reads a file once while hashing it (SHA-256), so an archive entry and its manifest line come from the same bytes.
/// Seekable only in that it tells its length, which a tar writer needs before the data.
/// </summary>
internal sealed class HashingReadStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    private readonly byte[] _head = new byte[HeadLength];

    /// <summary>How much of the start is kept: an encrypted file's header (magic, key id, wrapped data key).</summary>
    public const int HeadLength = 80;

    public long BytesRead { get; private set; }

    /// <summary>The first bytes read (up to <see cref="HeadLength"/>).</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, (int)Math.Min(BytesRead, HeadLength));

    /// <summary>The hash of what was read so far, hex, lower case.</summary>
    public string Sha256 => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set
        {
            if (value != inner.Position) throw new NotSupportedException("A hashing stream is read once, from its start.");
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Hash(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Hash(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) =>
        origin == SeekOrigin.Current && offset == 0 ? inner.Position : throw new NotSupportedException("A hashing stream is read once, from its start.");

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Hash(ReadOnlySpan<byte> bytes)
    {
        if (BytesRead < HeadLength) bytes[..(int)Math.Min(bytes.Length, HeadLength - BytesRead)].CopyTo(_head.AsSpan((int)BytesRead));
        _hash.AppendData(bytes);
        BytesRead += bytes.Length;
    }
}
