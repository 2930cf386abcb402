namespace BackOffice.Web.Charts;

public enum ColumnLayout
{
    /// <summary>One column per category, the series on top of each other (parts of a whole: channels).</summary>
    Stacked,
    /// <summary>The series side by side within each category (amounts to compare: invoiced and collected).</summary>
    Grouped,
}

/// <summary>
/// Vertical columns over a run of categories (weeks), with a legend, a value axis with round steps, and as many
/// category labels as fit without overlapping: with 52 weeks every few weeks is labelled, each column still carries
/// its exact figures as a tooltip and the data table has them all.
/// </summary>
public static class SvgColumnChart
{
    private const double Width = 720;
    private const double Left = 60;
    private const double Right = 12;
    private const double Legend = 26;
    private const double PlotHeight = 200;
    private const double Bottom = 30;
    private const double CharWidth = 6.6;
    /// <summary>Totals are written above columns only when a column is this wide, so numbers never collide.</summary>
    private const double MinSlotForTotals = 34;

    public static string Render(ChartData data, ColumnLayout layout)
    {
        ArgumentNullException.ThrowIfNull(data);
        var count = data.Categories.Count;
        var plot = Width - Left - Right;
        var slot = plot / Math.Max(count, 1);
        var max = Enumerable.Range(0, count)
            .Select(i => layout == ColumnLayout.Stacked ? data.Total(i) : data.Series.Max(s => s.Values[i]))
            .DefaultIfEmpty(0m).Max();
        var (top, step) = SvgMarkup.Scale(max, data.Kind);
        var baseY = Legend + PlotHeight;
        var svg = new SvgWriter(Width, baseY + Bottom, data.Title, data.Description);

        DrawLegend(svg, data);
        for (var tick = 0m; tick <= top; tick += step)
        {
            var y = baseY - ((double)(tick / top) * PlotHeight);
            svg.Line(Left, y, Width - Right, y, SvgWriter.Grid)
               .Text(Left - 6, y + 4, SvgMarkup.AxisLabel(tick, data.Kind), "end", SvgWriter.Muted);
        }

        var labelEvery = LabelEvery(data.Categories, slot);
        for (var i = 0; i < count; i++)
        {
            var x = Left + (i * slot);
            if (layout == ColumnLayout.Stacked) DrawStack(svg, data, i, x, slot, top, baseY);
            else DrawGroup(svg, data, i, x, slot, top, baseY);
            if (i % labelEvery == 0)
            {
                svg.Line(x + (slot / 2), baseY, x + (slot / 2), baseY + 4, SvgWriter.Ink)
                   .Text(x + (slot / 2), baseY + 18, data.Categories[i], "middle", SvgWriter.Muted);
            }
        }

        if (count == 0) svg.Text(Left + 8, baseY - 8, "No data", fill: SvgWriter.Muted);
        svg.Line(Left, baseY, Width - Right, baseY, SvgWriter.Ink);
        return svg.ToString();
    }

    /// <summary>Label every n-th category so that labels of the widest text still leave a gap between them.</summary>
    internal static int LabelEvery(IReadOnlyList<string> categories, double slot)
    {
        var widest = categories.Count == 0 ? 0 : categories.Max(c => c.Length) * CharWidth;
        return Math.Max(1, (int)Math.Ceiling((widest + 10) / slot));
    }

    private static void DrawLegend(SvgWriter svg, ChartData data)
    {
        var x = Left;
        for (var s = 0; s < data.Series.Count; s++)
        {
            svg.Rect(x, 6, 12, 12, Colour(s)).Text(x + 16, 16, data.Series[s].Name);
            x += 16 + (data.Series[s].Name.Length * CharWidth) + 18;
        }
    }

    private static void DrawStack(SvgWriter svg, ChartData data, int i, double x, double slot, decimal top, double baseY)
    {
        var width = slot * 0.7;
        var left = x + ((slot - width) / 2);
        var y = baseY;
        for (var s = 0; s < data.Series.Count; s++)
        {
            var value = data.Series[s].Values[i];
            if (value <= 0) continue;
            var height = (double)(value / top) * PlotHeight;
            y -= height;
            svg.Rect(left, y, width, height, Colour(s), $"{data.Categories[i]} – {data.Series[s].Name}: {data.Format(value)}", "#ffffff");
        }

        if (slot >= MinSlotForTotals && data.Total(i) > 0) svg.Text(x + (slot / 2), y - 4, data.Format(data.Total(i)), "middle");
    }

    private static void DrawGroup(SvgWriter svg, ChartData data, int i, double x, double slot, decimal top, double baseY)
    {
        var group = slot * 0.8;
        var width = group / Math.Max(data.Series.Count, 1);
        for (var s = 0; s < data.Series.Count; s++)
        {
            var value = data.Series[s].Values[i];
            var height = (double)(value / top) * PlotHeight;
            svg.Rect(x + ((slot - group) / 2) + (s * width), baseY - height, width, height, Colour(s),
                $"{data.Categories[i]} – {data.Series[s].Name}: {data.Format(value)}");
        }
    }

    private static string Colour(int series) => SvgWriter.Palette[series % SvgWriter.Palette.Length];
}
