using System.Globalization;

namespace BackOffice.Workflows.Time;

/// <summary>
/// Reads a date a person typed or a date input posted: one parser for every form, search box and API field. The ISO
/// form (2026-03-31, what a date input sends) is read in every language; otherwise the reader's own numeric order:
/// month first in English (3/31/2026, 03-31-2026, 3.31.2026), day first in Spanish (31/3/2026).
/// </summary>
public static class DateInput
{
    private static readonly string[] Iso = ["yyyy-MM-dd"];
    private static readonly string[] MonthFirst = ["yyyy-MM-dd", "M/d/yyyy", "M-d-yyyy", "M.d.yyyy"];
    private static readonly string[] DayFirst = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    /// <summary>The day <paramref name="text"/> names, or null when it names none (empty, not a date, 02/30/2026).</summary>
    public static DateOnly? Parse(string? text, CultureInfo? culture = null)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var formats = DateText.Culture(culture).TwoLetterISOLanguageName == "es" ? DayFirst : MonthFirst;
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    /// <summary>Only the ISO form (2026-03-31): for machine input such as a query string or JSON.</summary>
    public static DateOnly? ParseIso(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>True for an empty answer or a date that can be read.</summary>
    public static bool IsDateOrBlank(string? text, CultureInfo? culture = null) =>
        string.IsNullOrWhiteSpace(text) || Parse(text, culture) is not null;
}
