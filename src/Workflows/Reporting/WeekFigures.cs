using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Reporting;

/// <summary>One week, Monday to Sunday; the last week of the period ends today.</summary>
public sealed record WeekFigures(DateOnly Monday, IReadOnlyDictionary<RequestChannel, int> Received, decimal Invoiced, decimal Collected)
{
    public int ReceivedTotal => Received.Values.Sum();
    public DateOnly Sunday => Monday.AddDays(6);
}
