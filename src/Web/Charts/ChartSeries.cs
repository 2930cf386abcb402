namespace BackOffice.Web.Charts;

/// <summary>One named row of values, one value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);
