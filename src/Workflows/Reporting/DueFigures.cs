namespace BackOffice.Workflows.Reporting;

/// <summary>Open requests only; a deadline extension counts (the extended due date is the one that binds).</summary>
public sealed record DueFigures(int Open, int Overdue, int DueThisWeek)
{
    /// <summary>"Due this week" is today and the six days after it.</summary>
    public const int WeekDays = 6;
}
