using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BackOffice.Workflows.Portal;

/// <summary>Makes and checks the portal's secrets; nothing here is ever stored or logged in clear.</summary>
public static class PortalSecrets
{
    public const int CodeLength = 6;

    /// <summary>256 random bits, URL-safe base-64 without padding (43 characters).</summary>
    public static string NewToken()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Six digits: easy to type from a phone; safe because a code lives minutes and allows five tries.</summary>
    public static string NewCode() =>
        RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string HashToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>
    /// Keyed with the token (held only by the link's owner), so the million possible codes cannot be tried
    /// against a stolen database row.
    /// </summary>
    public static string HashCode(string token, string code)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(code);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(code)));
    }

    public static bool CodeMatches(string codeHash, string token, string? typed)
    {
        ArgumentNullException.ThrowIfNull(codeHash);
        var clean = new string((typed ?? "").Where(char.IsAsciiDigit).ToArray());
        var expected = Encoding.ASCII.GetBytes(codeHash);
        var actual = Encoding.ASCII.GetBytes(HashCode(token, clean));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
