using System.Security.Cryptography;
using BackOffice.Workflows.Persistence;

namespace BackOffice.Web.Encryption;

/// <summary>
/// A 256-bit key that wraps (encrypts) the data key of every stored file. Its <see cref="Id"/> is written beside each
/// wrapped data key so the right key is found after a rotation; the id is an HMAC of a constant, not the key's hash.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const int KeyBytes = 32;
    public const int IdBytes = 8;
    private readonly byte[] _material;

    public KeyEncryptionKey(byte[] material, string source)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (material.Length != KeyBytes)
            throw new EncryptionKeyException($"The encryption key from {source} is {material.Length} bytes; it must be {KeyBytes} random bytes, base64-encoded.");
        _material = [.. material];
        IdBytesValue = HMACSHA256.HashData(_material, "BackOffice key-encryption key id"u8)[..IdBytes];
        Source = source;
    }

    /// <summary>Sixteen hex digits naming the key in messages and headers; safe to log.</summary>
    public string Id => Convert.ToHexStringLower(IdBytesValue);

    /// <summary>Where the key was read from (a file path or the environment variable's name), for messages.</summary>
    public string Source { get; }

    internal byte[] IdBytesValue { get; }

    internal AesGcm CreateCipher() => new(_material, AesGcm.TagByteSizes.MaxSize);

    /// <summary>
    /// The key of the encrypted database columns, derived from this key (HKDF-SHA256) and named by the same id, so one key
    /// file serves files and columns and one rotation covers both.
    /// </summary>
    internal FieldKey DeriveFieldKey() =>
        new(Id, HKDF.DeriveKey(HashAlgorithmName.SHA256, _material, FieldKey.SecretBytes, info: "BackOffice database fields v1"u8.ToArray()));

    /// <summary>A new random key as written to a key file: base64 and a line break.</summary>
    public static string NewKeyFileText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)) + "\n";

    /// <summary>The key in a key file (base64, surrounding white space ignored).</summary>
    public static KeyEncryptionKey FromFile(string path)
    {
        if (!File.Exists(path)) throw new EncryptionKeyException($"The encryption key file {path} does not exist.");
        return FromBase64(File.ReadAllText(path), path);
    }

    public static KeyEncryptionKey FromBase64(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new KeyEncryptionKey(Convert.FromBase64String(text.Trim()), source);
        }
        catch (FormatException e)
        {
            throw new EncryptionKeyException($"The encryption key from {source} is not base64. Make a key with `encryption new-key <path>`.", e);
        }
    }
}
