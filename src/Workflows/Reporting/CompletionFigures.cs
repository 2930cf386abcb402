namespace BackOffice.Workflows.Reporting;

/// <summary>
/// Requests that reached Completed within the period: calendar days from the received date to the day they completed.
/// <see cref="Late"/> counts those completed after their due date (30 days, or the extended due date).
/// </summary>
public sealed record CompletionFigures(int Count, double? MedianDays, int? Percentile90Days, int Late, int LimitDays)
{
    public int OnTime => Count - Late;
}
