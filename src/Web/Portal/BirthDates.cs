using System.Globalization;
using System.Security.Cryptography;

namespace BackOffice.Web.Portal;

/// <summary>The date of birth a patient types, and a comparison that takes the same time whether or not it matches.</summary>
public static class BirthDates
{
    // A date input posts yyyy-MM-dd; people without one type US dates.
    private static readonly string[] Formats = ["yyyy-MM-dd", "M/d/yyyy", "M-d-yyyy", "M.d.yyyy"];

    /// <summary>A day no real patient has, compared against when no request was found, so that path does the same work.</summary>
    public static readonly DateOnly Decoy = new(1, 1, 1);

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static bool Matches(DateOnly stored, DateOnly typed)
    {
        Span<byte> a = stackalloc byte[4];
        Span<byte> b = stackalloc byte[4];
        BitConverter.TryWriteBytes(a, stored.DayNumber);
        BitConverter.TryWriteBytes(b, typed.DayNumber);
        return CryptographicOperations.FixedTimeEquals(a, b) && stored != Decoy;
    }
}
