using System.Globalization;

namespace BackOffice.Web.Input;

/// <summary>
/// What typed text may hold before it is kept: readable characters, line breaks and tabs. Refused: NUL and the other
/// control characters (PostgreSQL cannot store NUL, and they corrupt letters, CSV files and logs), the replacement
/// character a browser's invalid UTF-8 decodes to, unpaired surrogates, non-characters, and the bidirectional
/// overrides that make text read differently from what it holds. No person needs them in a name or an address.
/// </summary>
public static class StoredText
{
    /// <summary>The most characters a field without its own limit takes.</summary>
    public const int DefaultMaxLength = 4000;

    /// <summary>The English message; pages show it in their language (<see cref="StoredTextWords"/>).</summary>
    public const string UnreadableMessage =
        "This answer has a character we cannot keep (a control character or a symbol that could not be read). Retype it.";

    public static string TooLongMessage(int maxLength) =>
        string.Create(CultureInfo.InvariantCulture, $"Use at most {maxLength:N0} characters.");

    /// <summary>True when every character of <paramref name="value"/> can be kept.</summary>
    public static bool IsKeepable(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return false;
                i++;
                continue;
            }

            if (char.IsLowSurrogate(c) || IsRefused(c)) return false;
        }

        return true;
    }

    private static bool IsRefused(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || c is '\uFFFD' or '\uFFFE' or '\uFFFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
