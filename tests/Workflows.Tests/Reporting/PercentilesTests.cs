using BackOffice.Workflows.Reporting;

namespace BackOffice.Workflows.Tests.Reporting;

public sealed class PercentilesTests
{
    [Fact]
    public void Median_OfAnOddCount_IsTheMiddle_OfAnEvenCount_TheMeanOfTheTwoMiddle()
    {
        Percentiles.Median([1, 4, 9]).ShouldBe(4);
        Percentiles.Median([1, 4, 9, 10]).ShouldBe(6.5);
        Percentiles.Median([]).ShouldBeNull();
    }

    [Fact]
    public void NearestRank_IsAValueThatOccurred_WithAtLeastThatShareAtOrBelowIt()
    {
        int[] ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Percentiles.NearestRank(ten, 90).ShouldBe(9);
        Percentiles.NearestRank([.. ten, 11], 90).ShouldBe(10);
        Percentiles.NearestRank([7], 90).ShouldBe(7);
        Percentiles.NearestRank([], 90).ShouldBeNull();
        Percentiles.NearestRank(ten, 100).ShouldBe(10);
    }
}
