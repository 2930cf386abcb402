using System.Globalization;
using BackOffice.Workflows;

namespace BackOffice.Web.Portal;

/// <summary>Dates as patients read them: the department's own day (America/Chicago), written out in words.</summary>
public sealed class DepartmentCalendar(WorkflowsOptions options)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>"March 3, 2026".</summary>
    public static string Written(DateOnly day) => day.ToString("MMMM d, yyyy", English);

    public string Written(DateTimeOffset instant) => Written(DayOf(instant));

    /// <summary>"March 3, 2026 at 2:30 PM" in the department's time zone.</summary>
    public string WrittenWithTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _zone).ToString("MMMM d, yyyy 'at' h:mm tt", English);
}
