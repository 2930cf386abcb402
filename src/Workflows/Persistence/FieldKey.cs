using System.Security.Cryptography;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// A key for the encrypted database columns: an id that is safe to log (the host uses its key-encryption key's id) and
/// a 256-bit secret, from which two independent keys are derived with HKDF-SHA256: one encrypts values (AES-256-GCM),
/// the other makes the keyed hashes exact-match searches use (HMAC-SHA256).
/// </summary>
public sealed class FieldKey
{
    public const int SecretBytes = 32;
    public const int IdLength = 16;

    /// <summary>The AES-GCM tag's length in bytes (the largest AES-GCM allows).</summary>
    internal const int TagLength = 16;

    // The last cipher each thread used, and its key: making an AesGcm (an OpenSSL context with the key schedule) for every
    // value cost about as much as sealing the value, and a request seals and opens dozens, nearly all under the current
    // key. An AesGcm must not be used by two threads at once; a thread uses its own for one value at a time.
    [ThreadStatic] private static FieldKey? t_cipherKey;
    [ThreadStatic] private static AesGcm? t_cipher;

    public FieldKey(string id, ReadOnlySpan<byte> secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id.Length != IdLength || !id.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"A field key id is {IdLength} lower-case hex digits.", nameof(id));
        if (secret.Length != SecretBytes) throw new ArgumentException($"A field key secret is {SecretBytes} bytes.", nameof(secret));
        Id = id;
        EncryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), 32, info: "BackOffice field encryption v1"u8.ToArray());
        HashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), 32, info: "BackOffice field search hash v1"u8.ToArray());
    }

    public string Id { get; }

    internal byte[] EncryptionKey { get; }

    internal byte[] HashKey { get; }

    /// <summary>AES-256-GCM under <see cref="EncryptionKey"/> for the calling thread's use only.</summary>
    internal AesGcm Cipher
    {
        get
        {
            if (t_cipher is not null && ReferenceEquals(t_cipherKey, this)) return t_cipher;
            // Another key (values written before a rotation, another host's keys in tests): this thread's cipher changes.
            t_cipher?.Dispose();
            t_cipher = null;
            var cipher = new AesGcm(EncryptionKey, TagLength);
            (t_cipher, t_cipherKey) = (cipher, this);
            return cipher;
        }
    }

    /// <summary>A key with a random secret (tests, design-time tools).</summary>
    public static FieldKey NewRandom() => FromSecret(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>A key with an id made from its secret (an HMAC of a constant, not the secret's hash).</summary>
    public static FieldKey FromSecret(ReadOnlySpan<byte> secret) =>
        new(Convert.ToHexStringLower(HMACSHA256.HashData(secret, "BackOffice field key id"u8)[..8]), secret);
}
