using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Tests.Time;

public sealed class DateInputTests
{
    [Theory]
    [InlineData("2026-03-31")]
    [InlineData("3/31/2026")]
    [InlineData("03/31/2026")]
    [InlineData("3-31-2026")]
    [InlineData("3.31.2026")]
    [InlineData("  03/31/2026  ")]
    public void Parse_ReadsIsoAndUsDates(string text) => DateInput.Parse(text).ShouldBe(new DateOnly(2026, 3, 31));

    [Theory]
    [InlineData("02/30/2026")]
    [InlineData("31/03/2026")]
    [InlineData("March 31")]
    [InlineData("2026-3-31x")]
    public void Parse_GivesNoDay_ForTextThatNamesNone(string text) => DateInput.Parse(text).ShouldBeNull();

    [Fact]
    public void Parse_InSpanish_ReadsTheDayFirst_AndIsoStill()
    {
        DateInput.Parse("31/3/2026", DateText.Spanish).ShouldBe(new DateOnly(2026, 3, 31));
        DateInput.Parse("2026-03-31", DateText.Spanish).ShouldBe(new DateOnly(2026, 3, 31));
        DateInput.Parse("3/31/2026", DateText.Spanish).ShouldBeNull();
    }

    [Fact]
    public void ParseIso_ReadsOnlyTheIsoForm()
    {
        DateInput.ParseIso("2026-03-31").ShouldBe(new DateOnly(2026, 3, 31));
        DateInput.ParseIso("03/31/2026").ShouldBeNull();
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("  ", true)]
    [InlineData("12/31/2027", true)]
    [InlineData("someday", false)]
    public void IsDateOrBlank(string? text, bool expected) => DateInput.IsDateOrBlank(text).ShouldBe(expected);
}
