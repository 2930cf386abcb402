namespace BackOffice.Web.Charts;

/// <summary>
/// Horizontal bars, one per category, for the first series: long labels (state names) read on the left instead of
/// being squeezed under columns. Each bar carries its exact value as text.
/// </summary>
public static class SvgBarChart
{
    private const double Width = 720;
    private const double Row = 24;
    private const double Bar = 16;
    private const double Top = 6;
    private const double Bottom = 26;
    private const double ValueSpace = 70;
    private const double CharWidth = 6.6;
    private const int MaxLabelChars = 36;

    public static string Render(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = data.Series.Count > 0 ? data.Series[0].Values : [];
        var count = data.Categories.Count;
        var labels = data.Categories.Select(Shorten).ToList();
        var labelWidth = Math.Clamp((labels.Count == 0 ? 0 : labels.Max(l => l.Length)) * CharWidth + 12, 80, 280);
        var plot = Width - labelWidth - ValueSpace;
        var height = Top + (Math.Max(count, 1) * Row) + Bottom;
        var (top, step) = SvgMarkup.Scale(values.Count == 0 ? 0 : values.Max(), data.Kind);
        var svg = new SvgWriter(Width, height, data.Title, data.Description);
        var axisY = Top + (Math.Max(count, 1) * Row);

        for (var tick = 0m; tick <= top; tick += step)
        {
            var x = labelWidth + ((double)(tick / top) * plot);
            svg.Line(x, Top, x, axisY, SvgWriter.Grid)
               .Text(x, axisY + 16, SvgMarkup.AxisLabel(tick, data.Kind), "middle", SvgWriter.Muted);
        }

        if (count == 0) svg.Text(labelWidth + 8, Top + 16, "No data", fill: SvgWriter.Muted);
        for (var i = 0; i < count; i++)
        {
            var y = Top + (i * Row);
            var value = i < values.Count ? values[i] : 0m;
            var length = (double)(value / top) * plot;
            var text = data.Format(value);
            svg.Text(labelWidth - 6, y + 16, labels[i], "end")
               .Rect(labelWidth, y + ((Row - Bar) / 2), length, Bar, SvgWriter.Palette[0], $"{data.Categories[i]}: {text}")
               .Text(labelWidth + length + 4, y + 16, text);
        }

        svg.Line(labelWidth, Top, labelWidth, axisY, SvgWriter.Ink);
        return svg.ToString();
    }

    private static string Shorten(string label) => label.Length <= MaxLabelChars ? label : label[..(MaxLabelChars - 1)] + "…";
}
