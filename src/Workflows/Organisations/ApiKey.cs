using System.Security.Cryptography;
using System.Text;
using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Organisations;

/// <summary>
/// A key a requester organisation's software sends with each API call. The key itself is shown once when it is issued
/// and never stored: only its SHA-256 (the key carries 256 random bits, so a plain hash cannot be reversed by trying
/// keys) and a short public prefix, by which a presented key is found. Named, optionally expiring, revocable; the last
/// time it was used is kept.
/// </summary>
public sealed class ApiKey
{
    public const string KeyStart = "bo_";
    public const int NameMaxLength = 100;
    public const int PrefixLength = 10;
    private const string PrefixAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    private ApiKey() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The key's public part ("bo_k3v9q2m8ta"), shown in lists and logs; unique.</summary>
    public string Prefix { get; private set; } = "";
    /// <summary>SHA-256 of the whole key, hex.</summary>
    public string Hash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    /// <summary>A new key for <paramref name="organisationId"/>: the stored record and the key, which only this caller ever sees.</summary>
    public static (ApiKey Key, string Secret) Issue(Guid organisationId, string? name, DateTimeOffset? expiresAt, DateTimeOffset now, string by)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DomainException("Name the key (for example after the system that uses it).", "Name");
        if (trimmed.Length > NameMaxLength) throw new DomainException($"Use at most {NameMaxLength} characters.", "Name");
        if (expiresAt is { } expiry && expiry <= now) throw new DomainException("The expiry must be in the future.", "ExpiresOn");

        var prefix = KeyStart + RandomPrefix();
        var secret = prefix + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisationId,
            Name = trimmed,
            Prefix = prefix,
            Hash = HashOf(secret),
            CreatedAt = now,
            CreatedBy = by,
            ExpiresAt = expiresAt,
        };
        return (key, secret);
    }

    /// <summary>The public prefix of a presented key, or null when it cannot be one of ours.</summary>
    public static string? PrefixOf(string? presented)
    {
        if (presented is null || presented.Length != KeyStart.Length + PrefixLength + 1 + 43 || !presented.StartsWith(KeyStart, StringComparison.Ordinal))
            return null;
        var prefix = presented[..(KeyStart.Length + PrefixLength)];
        return presented[prefix.Length] == '_' && prefix[KeyStart.Length..].All(PrefixAlphabet.Contains) ? prefix : null;
    }

    /// <summary>Whether <paramref name="presented"/> is this key (compared in constant time).</summary>
    public bool Matches(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(presented)), Encoding.ASCII.GetBytes(Hash));
    }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } expiry && now >= expiry;

    public bool IsUsable(DateTimeOffset now) => !IsRevoked && !IsExpired(now);

    /// <summary>Records a use; only once a minute, so a busy key does not write on every call.</summary>
    public bool RecordUse(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < TimeSpan.FromMinutes(1)) return false;
        LastUsedAt = now;
        return true;
    }

    public void Revoke(DateTimeOffset now, string by)
    {
        if (RevokedAt is not null) return;
        RevokedAt = now;
        RevokedBy = by;
    }

    private static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string RandomPrefix() =>
        string.Create(PrefixLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = PrefixAlphabet[RandomNumberGenerator.GetInt32(PrefixAlphabet.Length)];
        });

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
