using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Web.RequesterApi;

/// <summary>
/// The <c>Idempotency-Key</c> of a requester API call, scoped to the organisation: the key becomes the request's
/// submission key (the same unique column the online form and paper intake use), so a retried call finds the first
/// request on any node. The fingerprint of what was sent tells a true retry from the same key reused for something else.
/// </summary>
public static class ApiSubmission
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    /// <summary>The submission key of an organisation's idempotency key: the same for the same pair, different for another organisation.</summary>
    public static Guid SubmissionKeyFor(Guid organisationId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"requester-api\n{organisationId:N}\n{idempotencyKey}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // a version-8 (name-based, custom) GUID: never equal to a random one by design
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A hash of the form's JSON as sent and of the signed authorization's bytes.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> json, string? authorizationSha256)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(json);
        hash.AppendData(Encoding.ASCII.GetBytes("\n" + (authorizationSha256 ?? "-")));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Null when the key is usable; else why not.</summary>
    public static string? Problem(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > MaxKeyLength) return $"Use 1 to {MaxKeyLength} characters.";
        return key.All(c => c is > ' ' and < '\u007f') ? null : "Use printable ASCII characters without spaces (a UUID is a good key).";
    }
}
