using System.Globalization;

namespace BackOffice.Workflows.Time;

/// <summary>
/// How the app writes dates for people: one place for the patterns, in the reader's language. English is the
/// default; a Spanish culture gets Spanish words and order ("3 de marzo de 2026").
/// </summary>
public static class DateText
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    public static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-US");

    /// <summary>The culture dates are written in: Spanish when the current UI culture is Spanish, else US English.</summary>
    public static CultureInfo Culture(CultureInfo? culture = null)
    {
        var wanted = culture ?? CultureInfo.CurrentUICulture;
        return wanted.TwoLetterISOLanguageName == "es" ? wanted : English;
    }

    /// <summary>"March 3, 2026" (Spanish: "3 de marzo de 2026").</summary>
    public static string Written(DateOnly day, CultureInfo? culture = null)
    {
        var c = Culture(culture);
        return day.ToString(IsSpanish(c) ? "d 'de' MMMM 'de' yyyy" : "MMMM d, yyyy", c);
    }

    public static string? Written(DateOnly? day, CultureInfo? culture = null) => day is { } value ? Written(value, culture) : null;

    /// <summary>"March 3, 2026 at 2:30 PM" for a wall-clock time already in the zone to show (Spanish: "3 de marzo de 2026 a las 14:30").</summary>
    public static string WrittenWithTime(DateTimeOffset local, CultureInfo? culture = null)
    {
        var c = Culture(culture);
        return local.ToString(IsSpanish(c) ? "d 'de' MMMM 'de' yyyy 'a las' H:mm" : "MMMM d, yyyy 'at' h:mm tt", c);
    }

    /// <summary>"Mar 3" for chart axes (Spanish: "3 mar").</summary>
    public static string MonthDay(DateOnly day, CultureInfo? culture = null)
    {
        var c = Culture(culture);
        return day.ToString(IsSpanish(c) ? "d MMM" : "MMM d", c);
    }

    /// <summary>"2026-03-03": the form a date input and a file name use, in every language.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"03/31/1980" (Spanish: "31/03/1980"): how the reader would type the day, for hints.</summary>
    public static string Numeric(DateOnly day, CultureInfo? culture = null)
    {
        var c = Culture(culture);
        return day.ToString(IsSpanish(c) ? "dd/MM/yyyy" : "MM/dd/yyyy", CultureInfo.InvariantCulture);
    }

    private static bool IsSpanish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "es";
}
