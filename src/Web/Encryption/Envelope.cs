using System.Buffers.Binary;
using System.Security.Cryptography;

namespace BackOffice.Web.Encryption;

/// <summary>
/// The layout of an encrypted file. A fixed 80-byte header — magic, the id of the key-encryption key, the file's
/// random 256-bit data key wrapped by that key with AES-256-GCM, the chunk size — then the content in 64 KiB chunks,
/// each sealed with AES-256-GCM under the data key (nonce = chunk number and a last-chunk flag, so chunks cannot be
/// reordered, dropped or the file cut short unnoticed). A rotation rewrites only bytes 8–75 of the header, in place.
/// </summary>
internal static class Envelope
{
    public const int HeaderLength = 80;
    public const int DefaultChunkSize = 64 * 1024;
    public const int TagLength = 16;
    public const int NonceLength = 12;
    public const int DataKeyLength = 32;

    // "BOENC" + format version 1 + two reserved bytes: no PDF, PNG or JPEG signature, nothing a scanner would open.
    public static ReadOnlySpan<byte> Magic => [0x42, 0x4F, 0x45, 0x4E, 0x43, 0x01, 0x00, 0x00];

    private const int KeyIdOffset = 8;
    private const int WrapNonceOffset = 16;
    private const int WrappedKeyOffset = 28;
    private const int WrapTagOffset = 60;
    private const int ChunkSizeOffset = 76;

    /// <summary>The bytes a rotation rewrites: the key id and the wrapped data key.</summary>
    public const int WrapStart = KeyIdOffset;
    public const int WrapLength = ChunkSizeOffset - KeyIdOffset;

    public static bool HasMagic(ReadOnlySpan<byte> header) => header.Length >= Magic.Length && header[..Magic.Length].SequenceEqual(Magic);

    /// <summary>A header for a new file: a fresh data key, wrapped by the ring's current key.</summary>
    public static byte[] NewHeader(KeyRing keys, int chunkSize, out byte[] dataKey)
    {
        dataKey = RandomNumberGenerator.GetBytes(DataKeyLength);
        var header = new byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(ChunkSizeOffset), chunkSize);
        Wrap(header, keys.Current, dataKey);
        return header;
    }

    /// <summary>The data key in a header, unwrapped with whichever configured key wrapped it.</summary>
    public static byte[] Unwrap(ReadOnlySpan<byte> header, KeyRing keys, string what)
    {
        CheckMagic(header, what);
        var id = header.Slice(KeyIdOffset, KeyEncryptionKey.IdBytes);
        var key = keys.Find(id) ?? throw new EncryptionKeyException(
            $"{what} was encrypted with key {Convert.ToHexStringLower(id)}, which is not configured (the current key is {keys.Current.Id}). "
            + "Configure that key, or list it in BackOffice:Encryption:PreviousKeyFiles while a rotation is under way.");
        var dataKey = new byte[DataKeyLength];
        try
        {
            using var cipher = key.CreateCipher();
            cipher.Decrypt(header.Slice(WrapNonceOffset, NonceLength), header.Slice(WrappedKeyOffset, DataKeyLength),
                header.Slice(WrapTagOffset, TagLength), dataKey, WrapAssociatedData(header));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new EncryptionKeyException($"{what} could not be opened with key {key.Id}: the key is wrong or the file was altered.", e);
        }

        return dataKey;
    }

    /// <summary>Wraps the data key again with the ring's current key, changing only bytes 8–75 of the header.</summary>
    public static void Rewrap(byte[] header, KeyRing keys, string what)
    {
        var dataKey = Unwrap(header, keys, what);
        Wrap(header, keys.Current, dataKey);
        CryptographicOperations.ZeroMemory(dataKey);
    }

    /// <summary>The id of the key that wrapped this header's data key.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> header) => Convert.ToHexStringLower(header.Slice(KeyIdOffset, KeyEncryptionKey.IdBytes));

    public static int ChunkSizeOf(ReadOnlySpan<byte> header, string what)
    {
        var size = BinaryPrimitives.ReadInt32LittleEndian(header[ChunkSizeOffset..]);
        return size is > 0 and <= 16 * 1024 * 1024 ? size : throw new InvalidDataException($"{what} has a damaged header.");
    }

    /// <summary>The nonce of chunk <paramref name="index"/>: its number, then 1 on the last chunk.</summary>
    public static void ChunkNonce(Span<byte> nonce, long index, bool last)
    {
        nonce.Clear();
        BinaryPrimitives.WriteInt64BigEndian(nonce, index);
        nonce[NonceLength - 1] = last ? (byte)1 : (byte)0;
    }

    /// <summary>What every chunk authenticates besides its bytes: the magic and the chunk size (not the wrap, which rotation changes).</summary>
    public static byte[] ChunkAssociatedData(ReadOnlySpan<byte> header) => [.. header[..Magic.Length], .. header.Slice(ChunkSizeOffset, 4)];

    private static void CheckMagic(ReadOnlySpan<byte> header, string what)
    {
        if (header.Length < HeaderLength || !HasMagic(header))
            throw new InvalidDataException($"{what} is not an encrypted BackOffice file; it is not served.");
    }

    private static void Wrap(byte[] header, KeyEncryptionKey key, byte[] dataKey)
    {
        key.IdBytesValue.CopyTo(header.AsSpan(KeyIdOffset));
        RandomNumberGenerator.Fill(header.AsSpan(WrapNonceOffset, NonceLength));
        using var cipher = key.CreateCipher();
        cipher.Encrypt(header.AsSpan(WrapNonceOffset, NonceLength), dataKey, header.AsSpan(WrappedKeyOffset, DataKeyLength),
            header.AsSpan(WrapTagOffset, TagLength), WrapAssociatedData(header));
    }

    private static byte[] WrapAssociatedData(ReadOnlySpan<byte> header) =>
        [.. header[..Magic.Length], .. header.Slice(KeyIdOffset, KeyEncryptionKey.IdBytes), .. header.Slice(ChunkSizeOffset, 4)];
}
