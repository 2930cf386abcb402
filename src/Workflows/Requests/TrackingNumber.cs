using System.Security.Cryptography;

namespace BackOffice.Workflows.Requests;

/// <summary>
/// Tracking numbers are read over the phone and typed from letters, so they use Crockford's base-32
/// alphabet (no I, L, O, U) in groups of four. Twelve random characters carry 60 bits: with the
/// date of birth also required and lookups rate-limited, guessing one is not practical.
/// </summary>
public static class TrackingNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 12;

    public static string New()
    {
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        Span<char> chars = stackalloc char[Length + 2];
        var written = 0;
        for (var i = 0; i < Length; i++)
        {
            if (i is 4 or 8)
            {
                chars[written++] = '-';
            }

            chars[written++] = Alphabet[random[i] & 31];
        }

        return new string(chars);
    }

    /// <summary>Accepts what people type: lower case, spaces, missing dashes, O for 0 and I/L for 1.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        Span<char> clean = stackalloc char[Length];
        var count = 0;
        foreach (var raw in input)
        {
            if (raw is '-' or ' ')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0 || count == Length)
            {
                return null;
            }

            clean[count++] = c;
        }

        return count == Length ? $"{clean[..4]}-{clean[4..8]}-{clean[8..]}" : null;
    }
}
