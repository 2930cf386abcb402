namespace BackOffice.Workflows.Lifecycle;

public enum TimerOutcome
{
    Fired,
    Stale,
    Refused,
    Retired,
}
