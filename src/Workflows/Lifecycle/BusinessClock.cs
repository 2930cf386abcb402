namespace BackOffice.Workflows.Lifecycle;

/// <summary>
/// The department's calendar: deadlines are calendar days in its time zone, follow-ups are business
/// days. All "now" comes from <see cref="TimeProvider"/> so tests can move time.
/// </summary>
public sealed class BusinessClock(TimeProvider time, TimeZoneInfo zone)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime);

    /// <summary>Midnight at the start of <paramref name="day"/> in the department's zone, as UTC.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

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
