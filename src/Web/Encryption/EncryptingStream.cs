using System.Buffers;
using System.Security.Cryptography;

namespace BackOffice.Web.Encryption;

/// <summary>
/// Writes the <see cref="Envelope"/> of what is written to it into <paramref name="destination"/>. Nothing is valid
/// until <see cref="CompleteAsync"/> seals the last chunk: a file abandoned half-way fails to open instead of reading
/// as a shorter document.
/// <para>Its two chunk buffers (64 KB each) come from the shared array pool and go back when the stream is disposed, the
/// plain one wiped first: an upload or an API request's PDF otherwise made about 200 KB of short-lived garbage, a fifth of
/// all the bytes the API allocated (bench/README.md). The sealed buffer keeps room for the header in front, so the first
/// chunk is written with it without a copy.</para>
/// </summary>
internal sealed class EncryptingStream : Stream
{
    private readonly Stream _destination;
    private readonly AesGcm _cipher;
    private readonly byte[] _header;
    private readonly byte[] _associatedData;
    private readonly int _chunkSize;
    // Rented; back in the pool once disposed (every public member checks the stream is open first).
    private readonly byte[] _chunk;
    private readonly byte[] _sealed;
    private int _filled;
    private long _index;
    private bool _headerWritten;
    private bool _completed;
    private bool _disposed;

    public EncryptingStream(Stream destination, KeyRing keys, int chunkSize = Envelope.DefaultChunkSize)
    {
        _destination = destination;
        _header = Envelope.NewHeader(keys, chunkSize, out var dataKey);
        _cipher = new AesGcm(dataKey, Envelope.TagLength);
        CryptographicOperations.ZeroMemory(dataKey);
        _associatedData = Envelope.ChunkAssociatedData(_header);
        _chunkSize = chunkSize;
        _chunk = ArrayPool<byte>.Shared.Rent(chunkSize);
        _sealed = ArrayPool<byte>.Shared.Rent(_header.Length + chunkSize + Envelope.TagLength);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_completed && !_disposed;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chunk = Open();
        while (!buffer.IsEmpty)
        {
            // A full chunk is sealed only once more bytes arrive: the last chunk must carry the last-chunk flag.
            if (_filled == _chunkSize) _destination.Write(SealChunk(last: false).Span);
            var take = Math.Min(buffer.Length, _chunkSize - _filled);
            buffer[..take].CopyTo(chunk.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var chunk = Open();
        while (!buffer.IsEmpty)
        {
            if (_filled == _chunkSize) await _destination.WriteAsync(SealChunk(last: false), cancellationToken);
            var take = Math.Min(buffer.Length, _chunkSize - _filled);
            buffer.Span[..take].CopyTo(chunk.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
        }
    }

    /// <summary>Seals the last chunk and flushes; after this the destination holds a complete encrypted file.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Open();
        await _destination.WriteAsync(SealChunk(last: true), cancellationToken);
        await _destination.FlushAsync(cancellationToken);
        _completed = true;
    }

    public void Complete()
    {
        Open();
        _destination.Write(SealChunk(last: true).Span);
        _destination.Flush();
        _completed = true;
    }

    public override void Flush()
    {
        // Chunks are written whole when sealed; a partial chunk cannot be flushed without ending the file.
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _cipher.Dispose();
            // Plain text of a health record: wiped before the array can serve anyone else.
            CryptographicOperations.ZeroMemory(_chunk);
            ArrayPool<byte>.Shared.Return(_chunk);
            ArrayPool<byte>.Shared.Return(_sealed);
        }

        base.Dispose(disposing);
    }

    // The plain chunk buffer of a stream still open for writing.
    private byte[] Open()
    {
        ObjectDisposedException.ThrowIf(_completed || _disposed, this);
        return _chunk;
    }

    // The sealed chunk (after the header, for the first one), in the sealed buffer: valid until the next seal. Its callers
    // have checked the stream is open.
    private ReadOnlyMemory<byte> SealChunk(bool last)
    {
        Span<byte> nonce = stackalloc byte[Envelope.NonceLength];
        Envelope.ChunkNonce(nonce, _index, last);
        var at = _header.Length;
        _cipher.Encrypt(nonce, _chunk.AsSpan(0, _filled), _sealed.AsSpan(at, _filled), _sealed.AsSpan(at + _filled, Envelope.TagLength), _associatedData);
        var length = _filled + Envelope.TagLength;
        _filled = 0;
        _index++;
        if (_headerWritten) return _sealed.AsMemory(at, length);
        _headerWritten = true;
        _header.CopyTo(_sealed, 0);
        return _sealed.AsMemory(0, at + length);
    }
}
