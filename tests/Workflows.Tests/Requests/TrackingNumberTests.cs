using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Tests.Requests;

public sealed class TrackingNumberTests
{
    [Fact]
    public void New_IsGroupedInFours_FromTheUnambiguousAlphabet()
    {
        var number = TrackingNumber.New();

        number.ShouldMatch("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");
    }

    [Fact]
    public void New_DoesNotRepeat_OverManyDraws()
    {
        var numbers = Enumerable.Range(0, 20_000).Select(_ => TrackingNumber.New()).ToHashSet();

        numbers.Count.ShouldBe(20_000);
    }

    [Theory]
    [InlineData("k7qm 4xpd 9rta", "K7QM-4XPD-9RTA")]
    [InlineData("K7QM4XPD9RTA", "K7QM-4XPD-9RTA")]
    [InlineData("K7QM-4XPD-9RTO", "K7QM-4XPD-9RT0")]
    [InlineData("K7QM-4XPD-9RTl", "K7QM-4XPD-9RT1")]
    public void Normalize_AcceptsWhatPeopleType(string typed, string expected)
    {
        TrackingNumber.Normalize(typed).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("K7QM-4XPD")]
    [InlineData("K7QM-4XPD-9RTA-1")]
    [InlineData("K7QM-4XPD-9RT!")]
    [InlineData("K7QM-4XPD-9RTU")]
    public void Normalize_RejectsWhatCannotBeANumber(string typed)
    {
        TrackingNumber.Normalize(typed).ShouldBeNull();
    }
}
