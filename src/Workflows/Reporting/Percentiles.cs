namespace BackOffice.Workflows.Reporting;

/// <summary>Order statistics over whole days, computed in memory so SQLite and PostgreSQL give the same answer.</summary>
public static class Percentiles
{
    /// <summary>The middle value of sorted values; with an even count, the mean of the two middle ones.</summary>
    public static double? Median(IReadOnlyList<int> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return null;
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2.0;
    }

    /// <summary>
    /// Nearest rank: the smallest value that at least <paramref name="percent"/> % of the values do not exceed, so
    /// "90 % were done within N days" is literally true and N is a day count that occurred.
    /// </summary>
    public static int? NearestRank(IReadOnlyList<int> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sorted.Count == 0) return null;
        // Integer ceiling of percent × count / 100: floating point would put 0.9 × 10 just above 9.
        var rank = ((percent * sorted.Count) + 99) / 100;
        return sorted[rank - 1];
    }
}
