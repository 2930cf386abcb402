using System.Globalization;
using System.Xml.Linq;
using BackOffice.Web.Charts;

namespace BackOffice.Web.Tests.Charts;

/// <summary>The server-rendered SVG charts: well-formed, accessible, escaped, to scale, and readable at 52 weeks.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartData Data(IReadOnlyList<string> categories, params ChartSeries[] series) =>
        new("test", "Test <chart> & co", "What it shows", "Category", categories, series);

    private static List<string> Labels(int weeks) =>
        [.. Enumerable.Range(0, weeks).Select(i => new DateOnly(2025, 4, 21).AddDays(7 * i).ToString("MMM d", CultureInfo.GetCultureInfo("en-US")))];

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    /// <summary>The value bars: rectangles carrying a tooltip (legend swatches and bands have none).</summary>
    private static List<XElement> Bars(XDocument svg) => [.. svg.Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null)];

    [Fact]
    public void BarChart_IsWellFormedSvg_WithRoleTitleAndLabel()
    {
        var svg = XDocument.Parse(SvgBarChart.Render(Data(["A", "B"], new ChartSeries("Requests", [1, 2]))));

        var root = svg.Root!;
        root.Name.ShouldBe(Svg + "svg");
        root.Attribute("role")!.Value.ShouldBe("img");
        root.Attribute("aria-label")!.Value.ShouldBe("Test <chart> & co. What it shows");
        root.Element(Svg + "title")!.Value.ShouldBe("Test <chart> & co");
        root.Element(Svg + "desc")!.Value.ShouldBe("What it shows");
    }

    [Fact]
    public void Labels_WithMarkupCharacters_AreEscaped_AndCharactersXmlCannotHoldAreDropped()
    {
        var text = SvgBarChart.Render(Data(["Hold <&> \"review\" 'now'", "bell\u0007 \ud83d\udcc4 lone\ud800"], new ChartSeries("Requests", [3, 4])));

        text.ShouldContain("Hold &lt;&amp;&gt; &quot;review&quot; &apos;now&apos;");
        text.ShouldNotContain("<&>");
        var labels = XDocument.Parse(text).Descendants(Svg + "text").Select(t => t.Value).ToList();
        labels.ShouldContain("Hold <&> \"review\" 'now'");
        labels.ShouldContain("bell \ud83d\udcc4 lone");
    }

    [Fact]
    public void BarChart_DrawsBarsToScale_AndWritesEachValue()
    {
        var svg = XDocument.Parse(SvgBarChart.Render(Data(["Full", "Half", "None"], new ChartSeries("Requests", [40, 20, 0]))));

        var bars = Bars(svg);
        bars.Count.ShouldBe(3);
        Number(bars[1], "width").ShouldBe(Number(bars[0], "width") / 2, 0.2);
        Number(bars[2], "width").ShouldBe(0);
        bars.Select(b => b.Element(Svg + "title")!.Value).ShouldBe(["Full: 40", "Half: 20", "None: 0"]);
        svg.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("20");
    }

    [Fact]
    public void StackedColumns_PutTheSeriesOnTopOfEachOther_SkippingZeros()
    {
        var data = Data(["Mar 2", "Mar 9"], new ChartSeries("Online", [3, 0]), new ChartSeries("Paper", [1, 2]));

        var svg = XDocument.Parse(SvgColumnChart.Render(data, ColumnLayout.Stacked));

        var bars = Bars(svg);
        bars.Select(b => b.Element(Svg + "title")!.Value).ShouldBe(["Mar 2 – Online: 3", "Mar 2 – Paper: 1", "Mar 9 – Paper: 2"]);
        var (online, paper) = (bars[0], bars[1]);
        (Number(paper, "y") + Number(paper, "height")).ShouldBe(Number(online, "y"), 0.2);
        Number(online, "height").ShouldBe(3 * Number(paper, "height"), 0.3);
        svg.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("Online");
    }

    [Fact]
    public void GroupedColumns_PutTheSeriesSideBySide_FromTheSameBaseline()
    {
        var data = Data(["Mar 2"], new ChartSeries("Invoiced", [100.50m]), new ChartSeries("Collected", [50.25m])) with
        {
            Kind = ChartValueKind.Currency,
        };

        var bars = Bars(XDocument.Parse(SvgColumnChart.Render(data, ColumnLayout.Grouped)));

        bars.Count.ShouldBe(2);
        (Number(bars[0], "y") + Number(bars[0], "height")).ShouldBe(Number(bars[1], "y") + Number(bars[1], "height"), 0.2);
        Number(bars[1], "x").ShouldBeGreaterThan(Number(bars[0], "x"));
        bars[0].Element(Svg + "title")!.Value.ShouldBe("Mar 2 – Invoiced: $100.50");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(26)]
    [InlineData(52)]
    public void WeekLabels_DoNotOverlap_AndEveryColumnIsDrawn(int weeks)
    {
        var labels = Labels(weeks);
        var data = Data(labels, new ChartSeries("Online", [.. labels.Select((_, i) => (decimal)(i + 1))]));

        var svg = XDocument.Parse(SvgColumnChart.Render(data, ColumnLayout.Stacked));

        Bars(svg).Count.ShouldBe(weeks);
        var shown = svg.Descendants(Svg + "text").Where(t => labels.Contains(t.Value)).Select(t => Number(t, "x")).ToList();
        shown.Count.ShouldBeGreaterThan(weeks < 10 ? weeks - 1 : 3);
        const double widestLabel = 6 * 6.6; // "Mar 23" at 12 px
        shown.Zip(shown.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap >= widestLabel + 4);
        shown[^1].ShouldBeLessThan(720 - (widestLabel / 2));
    }

    [Fact]
    public void BulletChart_DrawsTheLimitLine_AndMarksAMeasureBeyondIt()
    {
        var data = new ChartData("completion", "Days to complete", "", "Measure", ["Median", "90th percentile"],
            [new ChartSeries("Days", [13.5m, 33m])], ChartValueKind.Days);

        var text = SvgBulletChart.Render(data, 30, "30-day limit");

        var svg = XDocument.Parse(text);
        var bars = Bars(svg);
        bars.Select(b => b.Element(Svg + "title")!.Value).ShouldBe(["Median: 13.5 days", "90th percentile: 33 days"]);
        bars[0].Attribute("fill")!.Value.ShouldNotBe(bars[1].Attribute("fill")!.Value);
        var limit = svg.Descendants(Svg + "line").Single(l => l.Attribute("stroke-dasharray") is not null);
        var left = Number(bars[0], "x");
        var perDay = Number(bars[0], "width") / 13.5;
        Number(limit, "x1").ShouldBe(left + (30 * perDay), 0.5);
        (left + Number(bars[1], "width")).ShouldBeGreaterThan(Number(limit, "x1"));
        svg.Descendants(Svg + "text").Select(t => t.Value).ShouldContain("30-day limit");
    }

    [Fact]
    public void EmptyData_StillRendersAWellFormedChart_SayingNoData()
    {
        var empty = Data([], new ChartSeries("Requests", []));

        foreach (var text in new[] { SvgBarChart.Render(empty), SvgColumnChart.Render(empty, ColumnLayout.Stacked) })
            XDocument.Parse(text).Descendants(Svg + "text").Select(t => t.Value).ShouldContain("No data");
    }

    [Theory]
    [InlineData(0, 4, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(40, 40, 10)]
    [InlineData(41, 60, 20)]
    [InlineData(320, 400, 100)]
    [InlineData(7, 8, 2)]
    public void Scale_RoundsUpToWholeSteps_OfOneTwoOrFive(int max, int top, int step) =>
        SvgMarkup.Scale(max, ChartValueKind.Count).ShouldBe(((decimal)top, (decimal)step));

    [Fact]
    public void Format_WritesCountsMoneyAndDays_InUsEnglish()
    {
        ChartData.Format(1234, ChartValueKind.Count).ShouldBe("1,234");
        ChartData.Format(1234.5m, ChartValueKind.Currency).ShouldBe("$1,234.50");
        ChartData.Format(13.5m, ChartValueKind.Days).ShouldBe("13.5 days");
        ChartData.Format(1, ChartValueKind.Days).ShouldBe("1 day");
    }
}
