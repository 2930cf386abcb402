using System.Security.Cryptography;

namespace BackOffice.Web.Encryption;

/// <summary>
/// Writes the <see cref="Envelope"/> of what is written to it into <paramref name="destination"/>. Nothing is valid
/// until <see cref="CompleteAsync"/> seals the last chunk: a file abandoned half-way fails to open instead of reading
/// as a shorter document.
/// </summary>
internal sealed class EncryptingStream : Stream
{
    private readonly Stream _destination;
    private readonly AesGcm _cipher;
    private readonly byte[] _header;
    private readonly byte[] _associatedData;
    private readonly byte[] _chunk;
    private readonly byte[] _sealed;
    private int _filled;
    private long _index;
    private bool _headerWritten;
    private bool _completed;

    public EncryptingStream(Stream destination, KeyRing keys, int chunkSize = Envelope.DefaultChunkSize)
    {
        _destination = destination;
        _header = Envelope.NewHeader(keys, chunkSize, out var dataKey);
        _cipher = new AesGcm(dataKey, Envelope.TagLength);
        CryptographicOperations.ZeroMemory(dataKey);
        _associatedData = Envelope.ChunkAssociatedData(_header);
        _chunk = new byte[chunkSize];
        _sealed = new byte[chunkSize + Envelope.TagLength];
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_completed;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        while (!buffer.IsEmpty)
        {
            // A full chunk is sealed only once more bytes arrive: the last chunk must carry the last-chunk flag.
            if (_filled == _chunk.Length) _destination.Write(SealChunk(last: false).Span);
            var take = Math.Min(buffer.Length, _chunk.Length - _filled);
            buffer[..take].CopyTo(_chunk.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        while (!buffer.IsEmpty)
        {
            if (_filled == _chunk.Length) await _destination.WriteAsync(SealChunk(last: false), cancellationToken);
            var take = Math.Min(buffer.Length, _chunk.Length - _filled);
            buffer.Span[..take].CopyTo(_chunk.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
        }
    }

    /// <summary>Seals the last chunk and flushes; after this the destination holds a complete encrypted file.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        await _destination.WriteAsync(SealChunk(last: true), cancellationToken);
        await _destination.FlushAsync(cancellationToken);
        _completed = true;
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
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
        if (disposing)
        {
            _cipher.Dispose();
            CryptographicOperations.ZeroMemory(_chunk);
        }

        base.Dispose(disposing);
    }

    private ReadOnlyMemory<byte> SealChunk(bool last)
    {
        Span<byte> nonce = stackalloc byte[Envelope.NonceLength];
        Envelope.ChunkNonce(nonce, _index, last);
        _cipher.Encrypt(nonce, _chunk.AsSpan(0, _filled), _sealed.AsSpan(0, _filled), _sealed.AsSpan(_filled, Envelope.TagLength), _associatedData);
        var length = _filled + Envelope.TagLength;
        _filled = 0;
        _index++;
        if (_headerWritten) return _sealed.AsMemory(0, length);
        _headerWritten = true;
        return (byte[])[.. _header, .. _sealed.AsSpan(0, length)];
    }
}
