using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Web.Webhooks;

/// <summary>
/// Signing as the Standard Webhooks convention does (standardwebhooks.com): the headers <c>webhook-id</c> (the event id,
/// for deduplication), <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c> = <c>v1,</c> + base64 of
/// HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>, keyed with the secret's bytes (the secret is <c>whsec_</c> + base64).
/// A receiver recomputes it, compares in constant time and refuses timestamps more than a few minutes old (replays).
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var signed = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// <summary>Whether <paramref name="header"/> (one or more space-separated signatures) holds the right one.</summary>
    public static bool Verify(string secret, string id, long timestamp, string body, string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var expected = Encoding.ASCII.GetBytes(Sign(secret, id, timestamp, body));
        return header.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }
}
