using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Workflows.Persistence;

/// <summary>
/// Encrypts single column values and makes the keyed hashes that exact-match searches compare. A stored value reads
/// <c>e1.&lt;key id&gt;.&lt;base64 of nonce, ciphertext and tag&gt;</c>: AES-256-GCM with a random 96-bit nonce, the column's
/// purpose and the key id as associated data (a value copied into another column does not decrypt). The key id says which
/// key wrote it, so values written under a previous key still read while <c>encryption rotate</c> re-encrypts them.
/// A search hash is HMAC-SHA256 under a separate derived key, truncated to 128 bits; without the key a hash cannot be
/// tried against the few thousand possible dates of birth.
/// </summary>
public sealed class FieldEncryption
{
    /// <summary>Format version 1; what every encrypted value starts with.</summary>
    public const string Prefix = "e1.";
    public const int HashLength = 32;
    private const int NonceLength = 12;
    private const int TagLength = FieldKey.TagLength;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, FieldKey> _keys;

    public FieldEncryption(FieldKey current, IEnumerable<FieldKey>? previous = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        Current = current;
        Previous = [.. (previous ?? []).Where(k => k.Id != current.Id).DistinctBy(k => k.Id)];
        _keys = new Dictionary<string, FieldKey>(StringComparer.Ordinal) { [current.Id] = current };
        foreach (var key in Previous) _keys[key.Id] = key;
        ModelCacheKey = string.Join(',', [current.Id, .. Previous.Select(k => k.Id).Order(StringComparer.Ordinal)]);
    }

    public FieldKey Current { get; }

    public IReadOnlyList<FieldKey> Previous { get; }

    /// <summary>What a value under the current key starts with.</summary>
    public string CurrentPrefix => Prefix + Current.Id + ".";

    /// <summary>
    /// The key ids, current first: EF Core builds one model per set of keys (the model's converters hold them), and
    /// hosts with the same keys share it.
    /// </summary>
    internal string ModelCacheKey { get; }

    public bool Knows(string keyId) => _keys.ContainsKey(keyId);

    /// <summary>A key that encrypts nothing anyone keeps: for design-time tools, which only need the model's shape.</summary>
    public static FieldEncryption ForDesignTime() => new(FieldKey.NewRandom());

    public static bool IsEncrypted(string? stored) => stored is not null && stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The id of the key a stored value was encrypted with; null for a value that is not encrypted.</summary>
    public static string? KeyIdOf(string? stored) =>
        IsEncrypted(stored) && stored!.Length > Prefix.Length + FieldKey.IdLength && stored[Prefix.Length + FieldKey.IdLength] == '.'
            ? stored.Substring(Prefix.Length, FieldKey.IdLength)
            : null;

    /// <summary>The longest stored form of a value of at most <paramref name="plainLength"/> characters (UTF-8 takes at most
    /// three bytes per UTF-16 character).</summary>
    public static int StoredLength(int plainLength) =>
        Prefix.Length + FieldKey.IdLength + 1 + (4 * ((NonceLength + TagLength + (3 * plainLength) + 2) / 3));

    public string Protect(string plain, string purpose)
    {
        ArgumentNullException.ThrowIfNull(plain);
        var key = Current;
        var plainBytes = Utf8.GetBytes(plain);
        var sealedBytes = new byte[NonceLength + plainBytes.Length + TagLength];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        NextNonce(nonce);
        key.Cipher.Encrypt(nonce, plainBytes, sealedBytes.AsSpan(NonceLength, plainBytes.Length), sealedBytes.AsSpan(NonceLength + plainBytes.Length),
            AssociatedData(key.Id, purpose));

        return string.Concat(Prefix, key.Id, ".", Convert.ToBase64String(sealedBytes));
    }

    /// <exception cref="FieldEncryptionException">The value is not encrypted, was encrypted with a key that is not
    /// configured, or does not decrypt (damaged, another column's value, or another key with the same id).</exception>
    public string Unprotect(string stored, string purpose)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var keyId = KeyIdOf(stored) ?? throw new FieldEncryptionException(
            $"A value in the database column for {purpose} is not encrypted. Start the app once so it encrypts values stored before encryption.");
        if (!_keys.TryGetValue(keyId, out var key))
            throw new FieldEncryptionException(UnknownKeyMessage([keyId], Current.Id));
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(stored[(Prefix.Length + FieldKey.IdLength + 1)..]);
        }
        catch (FormatException e)
        {
            throw new FieldEncryptionException($"A value in the database column for {purpose} is damaged (not base64).", e);
        }

        if (sealedBytes.Length < NonceLength + TagLength)
            throw new FieldEncryptionException($"A value in the database column for {purpose} is damaged (too short).");
        var length = sealedBytes.Length - NonceLength - TagLength;
        var plain = new byte[length];
        try
        {
            key.Cipher.Decrypt(sealedBytes.AsSpan(0, NonceLength), sealedBytes.AsSpan(NonceLength, length), sealedBytes.AsSpan(NonceLength + length),
                plain, AssociatedData(key.Id, purpose));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new FieldEncryptionException(
                $"A value in the database column for {purpose} does not decrypt with key {keyId}: it was changed, copied from another column, "
                + "or written with a different key that has the same id.", e);
        }

        return Utf8.GetString(plain);
    }

    /// <summary>The search hash of a value under the current key, as stored beside it; null for no value (null or blank).</summary>
    public string? Hash(string? value, string purpose) =>
        string.IsNullOrWhiteSpace(value) ? null : HashWith(Current, value, purpose);

    public string Hash(DateOnly value, string purpose) => HashWith(Current, DateText(value), purpose);

    /// <summary>
    /// The hashes a stored row may carry for <paramref name="value"/>: one per configured key, current first, so rows not yet
    /// re-encrypted by a rotation are still found. Empty for a blank value.
    /// </summary>
    public IReadOnlyList<string> SearchHashes(string? value, string purpose) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. _keys.Values.Select(k => HashWith(k, value, purpose))];

    public IReadOnlyList<string> SearchHashes(DateOnly value, string purpose) => SearchHashes(DateText(value), purpose);

    /// <summary>How a date is written before it is encrypted or hashed.</summary>
    public static string DateText(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDateText(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FieldEncryptionException("An encrypted date does not hold a date (yyyy-MM-dd).");

    internal static string UnknownKeyMessage(IEnumerable<string> keyIds, string currentId) =>
        $"The database holds values encrypted with key {string.Join(", ", keyIds)}, which is not configured (the current key is {currentId}). "
        + "Configure that key as BackOffice:Encryption:KeyFile, or list it in BackOffice:Encryption:PreviousKeyFiles until `encryption rotate` "
        + "has re-encrypted the database with the current key.";

    private static string HashWith(FieldKey key, string value, string purpose)
    {
        var bytes = Utf8.GetBytes(string.Concat(purpose, "\0", value));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key.HashKey, bytes).AsSpan(0, HashLength / 2));
    }

    // Random nonces drawn twelve bytes at a time cost more than sealing the value (each draw one call into OpenSSL's
    // generator: over 2 µs against under 1 µs for the seal, bench/Queue.Bench); each thread draws a block of them at
    // once and hands them out in order, each once. A nonce is stored in the clear beside its value; it must only never
    // repeat under a key, which 96 bits from the system's cryptographic generator ensure however they are fetched.
    private const int NoncesPerDraw = 256;
    [ThreadStatic] private static byte[]? t_nonces;
    [ThreadStatic] private static int t_nonceOffset;

    private static void NextNonce(Span<byte> nonce)
    {
        var block = t_nonces;
        if (block is null)
        {
            block = t_nonces = new byte[NonceLength * NoncesPerDraw];
            t_nonceOffset = block.Length;
        }

        if (t_nonceOffset == block.Length)
        {
            RandomNumberGenerator.Fill(block);
            t_nonceOffset = 0;
        }

        var next = block.AsSpan(t_nonceOffset, NonceLength);
        next.CopyTo(nonce);
        next.Clear();
        t_nonceOffset += NonceLength;
    }

    private static byte[] AssociatedData(string keyId, string purpose) => Utf8.GetBytes(string.Concat(Prefix, keyId, ".", purpose));
}

/// <summary>A database value cannot be encrypted or read with the configured keys.</summary>
public sealed class FieldEncryptionException : Exception
{
    public FieldEncryptionException()
    {
    }

    public FieldEncryptionException(string message) : base(message)
    {
    }

    public FieldEncryptionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
