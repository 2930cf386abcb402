using System.Globalization;

namespace BackOffice.Web.Charts;

/// <summary>
/// What a chart shows, and the same numbers for its data table: the SVG is a picture for sighted readers, the
/// table beside it gives screen readers and auditors the exact figures.
/// </summary>
public sealed record ChartData(
    string Id,
    string Title,
    string Description,
    string CategoryHeader,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series,
    ChartValueKind Kind = ChartValueKind.Count)
{
    private static readonly CultureInfo UsEnglish = CultureInfo.GetCultureInfo("en-US");

    public string Format(decimal value) => Format(value, Kind);

    public static string Format(decimal value, ChartValueKind kind) => kind switch
    {
        ChartValueKind.Currency => value.ToString("C2", UsEnglish),
        ChartValueKind.Days => value.ToString("0.#", UsEnglish) + (value == 1 ? " day" : " days"),
        _ => value.ToString("N0", UsEnglish),
    };

    public decimal Total(int category) => Series.Sum(s => s.Values[category]);
}
