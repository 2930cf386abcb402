namespace BackOffice.Workflows.RuleSets;

public enum RuleSetStatus
{
    Draft,
    Published,
    /// <summary>Taken out of force by a rollback; kept for the requests and journal entries that name it.</summary>
    Withdrawn,
}
