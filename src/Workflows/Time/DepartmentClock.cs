namespace BackOffice.Workflows.Time;

/// <summary>
/// The department's clock and calendar: "now" from <see cref="TimeProvider"/> (so tests can move time), and days in the
/// department's time zone (<see cref="WorkflowsOptions.TimeZone"/>). Deadlines are calendar days, follow-ups business
/// days. Every date the app shows, stores as a day or compares with "today" goes through this one clock.
/// </summary>
public sealed class DepartmentClock
{
    private readonly TimeProvider _time;

    public DepartmentClock(TimeProvider time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(zone);
        _time = time;
        Zone = zone;
    }

    /// <summary>A clock for a zone named as in configuration ("America/Chicago").</summary>
    public DepartmentClock(TimeProvider time, string zoneId) : this(time, TimeZoneInfo.FindSystemTimeZoneById(zoneId))
    {
    }

    /// <summary>The department's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Now => _time.GetUtcNow();

    public DateOnly Today => DayOf(Now);

    /// <summary>The department's day at <paramref name="instant"/>.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary><paramref name="instant"/> as the department's wall clock shows it (with its offset).</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Midnight at the start of <paramref name="day"/> in the department's zone, as UTC.</summary>
    public DateTimeOffset StartOf(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

    /// <summary>A time read off the department's wall clock (a datetime-local input), with the zone's offset then.</summary>
    public DateTimeOffset FromLocal(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>"March 3, 2026": the department's day at <paramref name="instant"/>, written out (<see cref="DateText"/>).</summary>
    public string Written(DateTimeOffset instant) => DateText.Written(DayOf(instant));

    /// <summary>"March 3, 2026 at 2:30 PM" on the department's wall clock.</summary>
    public string WrittenWithTime(DateTimeOffset instant) => DateText.WrittenWithTime(Local(instant));

    public static DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        var result = start;
        while (days > 0)
        {
            result = result.AddDays(1);
            if (result.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }

        return result;
    }
}
