using System.Globalization;
using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Tests.Time;

public sealed class DateTextTests
{
    private static readonly DateOnly March3 = new(2026, 3, 3);

    [Fact]
    public void Written_IsUsEnglish_ByDefault_WhateverTheServersCulture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            DateText.Written(March3).ShouldBe("March 3, 2026");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Written_InSpanish_PutsTheDayFirst() =>
        DateText.Written(March3, CultureInfo.GetCultureInfo("es-US")).ShouldBe("3 de marzo de 2026");

    [Fact]
    public void Written_FollowsTheCurrentUiCulture_WhenItIsSpanish()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es-MX");
            DateText.Written(March3).ShouldBe("3 de marzo de 2026");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void WrittenWithTime_UsesTwelveHoursInEnglish_AndTwentyFourInSpanish()
    {
        var local = new DateTimeOffset(2026, 3, 3, 14, 30, 0, TimeSpan.FromHours(-6));

        DateText.WrittenWithTime(local).ShouldBe("March 3, 2026 at 2:30 PM");
        DateText.WrittenWithTime(local, DateText.Spanish).ShouldBe("3 de marzo de 2026 a las 14:30");
    }

    [Fact]
    public void ShortForms_ForAxesFileNamesAndHints()
    {
        DateText.MonthDay(March3).ShouldBe("Mar 3");
        DateText.Iso(March3).ShouldBe("2026-03-03");
        DateText.Numeric(March3).ShouldBe("03/03/2026");
        DateText.Numeric(new DateOnly(2026, 3, 31), DateText.Spanish).ShouldBe("31/03/2026");
    }

    [Fact]
    public void Written_OfNoDay_IsNull() => DateText.Written((DateOnly?)null).ShouldBeNull();
}
