using System.Security.Cryptography;

namespace BackOffice.Web.Encryption;

/// <summary>
/// Reads the plain content of an <see cref="Envelope"/>, one chunk at a time. The first chunk is opened when the
/// stream is made, so a wrong key or a damaged file fails before anything is served; a later chunk that fails its
/// check throws instead of yielding bytes.
/// </summary>
internal sealed class DecryptingStream : Stream
{
    private readonly Stream _source;
    private readonly AesGcm _cipher;
    private readonly byte[] _associatedData;
    private readonly byte[] _sealed;
    private readonly byte[] _plain;
    private readonly long _chunks;
    private readonly string _what;
    private long _index;
    private int _plainLength;
    private int _plainPosition;

    public DecryptingStream(Stream source, KeyRing keys, string what)
    {
        _source = source;
        _what = what;
        var header = new byte[Envelope.HeaderLength];
        if (source.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !Envelope.HasMagic(header))
            throw new InvalidDataException($"{what} is not an encrypted BackOffice file; it is not served.");
        var chunkSize = Envelope.ChunkSizeOf(header, what);
        var dataKey = Envelope.Unwrap(header, keys, what);
        _cipher = new AesGcm(dataKey, Envelope.TagLength);
        CryptographicOperations.ZeroMemory(dataKey);
        _associatedData = Envelope.ChunkAssociatedData(header);
        _sealed = new byte[chunkSize + Envelope.TagLength];
        _plain = new byte[chunkSize];
        var body = source.Length - Envelope.HeaderLength;
        _chunks = Math.Max(1, (body + _sealed.Length - 1) / _sealed.Length);
        Length = body - _chunks * Envelope.TagLength;
        if (Length < 0) throw new InvalidDataException($"{what} is cut short; it is not served.");
        OpenNextChunk();
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;

    /// <summary>The plain length, known from the file's size.</summary>
    public override long Length { get; }

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_plainPosition == _plainLength)
        {
            if (_index == _chunks) return 0;
            OpenNextChunk();
        }

        var take = Math.Min(buffer.Length, _plainLength - _plainPosition);
        _plain.AsSpan(_plainPosition, take).CopyTo(buffer);
        _plainPosition += take;
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span)); // chunks are small; the file read inside is buffered by the FileStream

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cipher.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    private void OpenNextChunk()
    {
        var last = _index == _chunks - 1;
        var read = _source.ReadAtLeast(_sealed, _sealed.Length, throwOnEndOfStream: false);
        if (read < Envelope.TagLength || (!last && read < _sealed.Length))
            throw new InvalidDataException($"{_what} is cut short; it is not served.");
        var length = read - Envelope.TagLength;
        Span<byte> nonce = stackalloc byte[Envelope.NonceLength];
        Envelope.ChunkNonce(nonce, _index, last);
        try
        {
            _cipher.Decrypt(nonce, _sealed.AsSpan(0, length), _sealed.AsSpan(length, Envelope.TagLength), _plain.AsSpan(0, length), _associatedData);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvalidDataException($"{_what} was altered or damaged (chunk {_index + 1} of {_chunks} fails its check); it is not served.", e);
        }

        _plainLength = length;
        _plainPosition = 0;
        _index++;
    }
}
