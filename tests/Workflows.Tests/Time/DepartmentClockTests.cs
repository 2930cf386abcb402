using BackOffice.Workflows.Time;
using Microsoft.Extensions.Time.Testing;

namespace BackOffice.Workflows.Tests.Time;

public sealed class DepartmentClockTests
{
    private static DepartmentClock At(DateTimeOffset utc) => new(new FakeTimeProvider(utc), "America/Chicago");

    [Fact]
    public void Today_IsTheDepartmentsDay_NotUtcs()
    {
        // 03:30 UTC on March 3 is still the evening of March 2 in Chicago (UTC-6 in winter).
        var clock = At(new DateTimeOffset(2026, 3, 3, 3, 30, 0, TimeSpan.Zero));

        clock.Today.ShouldBe(new DateOnly(2026, 3, 2));
        clock.DayOf(new DateTimeOffset(2026, 3, 3, 6, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 3, 3));
    }

    [Fact]
    public void StartOf_IsLocalMidnight_WithTheOffsetOfThatDay()
    {
        var clock = At(DateTimeOffset.UnixEpoch);

        clock.StartOf(new DateOnly(2026, 1, 15)).ShouldBe(new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero));
        clock.StartOf(new DateOnly(2026, 7, 15)).ShouldBe(new DateTimeOffset(2026, 7, 15, 5, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void FromLocal_ReadsTheWallClock_InTheDepartmentsZone()
    {
        var clock = At(DateTimeOffset.UnixEpoch);

        var pickup = clock.FromLocal(new DateTime(2026, 3, 10, 10, 30, 0));

        pickup.Offset.ShouldBe(TimeSpan.FromHours(-5)); // daylight saving time started on March 8, 2026
        pickup.UtcDateTime.ShouldBe(new DateTime(2026, 3, 10, 15, 30, 0));
    }

    [Fact]
    public void Written_UsesTheDepartmentsDay_AndWrittenWithTimeItsWallClock()
    {
        var clock = At(DateTimeOffset.UnixEpoch);
        var lateEvening = new DateTimeOffset(2026, 3, 4, 2, 15, 0, TimeSpan.Zero);

        clock.Written(lateEvening).ShouldBe("March 3, 2026");
        clock.WrittenWithTime(lateEvening).ShouldBe("March 3, 2026 at 8:15 PM");
    }

    [Fact]
    public void AddBusinessDays_SkipsTheWeekend()
    {
        var friday = new DateTimeOffset(2026, 3, 6, 12, 0, 0, TimeSpan.Zero);

        DepartmentClock.AddBusinessDays(friday, 1).DayOfWeek.ShouldBe(DayOfWeek.Monday);
        DepartmentClock.AddBusinessDays(friday, 5).ShouldBe(friday.AddDays(7));
    }

    [Fact]
    public void Constructor_RefusesAnUnknownZone() =>
        Should.Throw<TimeZoneNotFoundException>(() => new DepartmentClock(TimeProvider.System, "Mars/Olympus_Mons"));
}
