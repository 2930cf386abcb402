using System.Security.Cryptography;

namespace BackOffice.Web.PatientAccess;

/// <summary>The date of birth a patient types, and a comparison that takes the same time whether or not it matches.</summary>
public static class BirthDates
{
    /// <summary>A day no real patient has, compared against when no request was found, so that path does the same work.</summary>
    public static readonly DateOnly Decoy = new(1, 1, 1);

    public static bool Matches(DateOnly stored, DateOnly typed)
    {
        Span<byte> a = stackalloc byte[4];
        Span<byte> b = stackalloc byte[4];
        BitConverter.TryWriteBytes(a, stored.DayNumber);
        BitConverter.TryWriteBytes(b, typed.DayNumber);
        return CryptographicOperations.FixedTimeEquals(a, b) && stored != Decoy;
    }
}
