namespace BackOffice.Web.Charts;

/// <summary>
/// A bullet chart: a few measures (median, 90th percentile) as bars against a limit (the 30-day deadline), drawn as a
/// line over a band that is shaded differently beyond the limit. A bar past the limit is also coloured differently,
/// and every bar is labelled with its value, so colour is never the only cue.
/// </summary>
public static class SvgBulletChart
{
    private const double Width = 720;
    private const double LabelWidth = 130;
    private const double Right = 80;
    private const double Top = 22;
    private const double Row = 30;
    private const double Bar = 14;
    private const double Bottom = 26;
    private const string WithinBand = "#eef4fb";
    private const string BeyondBand = "#fbeaea";

    public static string Render(ChartData data, decimal limit, string limitLabel)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var values = data.Series.Count > 0 ? data.Series[0].Values : [];
        var count = data.Categories.Count;
        var plot = Width - LabelWidth - Right;
        // Room past the limit, so a measure beyond it visibly overshoots.
        var (top, step) = SvgMarkup.Scale(Math.Max(limit * 1.5m, values.DefaultIfEmpty(0m).Max()), data.Kind);
        double X(decimal value) => LabelWidth + ((double)(Math.Min(value, top) / top) * plot);
        var axisY = Top + (Math.Max(count, 1) * Row);
        var svg = new SvgWriter(Width, axisY + Bottom, data.Title, data.Description);

        svg.Rect(LabelWidth, Top, X(limit) - LabelWidth, axisY - Top, WithinBand)
           .Rect(X(limit), Top, X(top) - X(limit), axisY - Top, BeyondBand);
        for (var tick = 0m; tick <= top; tick += step)
        {
            svg.Line(X(tick), axisY, X(tick), axisY + 4, SvgWriter.Ink)
               .Text(X(tick), axisY + 17, SvgMarkup.AxisLabel(tick, data.Kind), "middle", SvgWriter.Muted);
        }

        if (count == 0) svg.Text(LabelWidth + 8, Top + 19, "No data", fill: SvgWriter.Muted);
        for (var i = 0; i < count; i++)
        {
            var y = Top + (i * Row);
            var value = i < values.Count ? values[i] : 0m;
            var text = data.Format(value);
            var colour = value > limit ? SvgWriter.Palette[5] : SvgWriter.Palette[0];
            svg.Text(LabelWidth - 8, y + 19, data.Categories[i], "end")
               .Rect(LabelWidth, y + ((Row - Bar) / 2), X(value) - LabelWidth, Bar, colour, $"{data.Categories[i]}: {text}")
               .Text(X(value) + 4, y + 19, text, weight: "600");
        }

        svg.Line(X(limit), Top - 4, X(limit), axisY, SvgWriter.Ink, 2, "5 3")
           .Text(X(limit), Top - 8, limitLabel, "middle", SvgWriter.Ink, "600")
           .Line(LabelWidth, axisY, X(top), axisY, SvgWriter.Ink);
        return svg.ToString();
    }
}
