using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Retention;

/// <summary>
/// The days a run works from, on the department's calendar: a request closed before the start of
/// <see cref="ClosedBeforeDay"/> (today minus the policy's years) is due; a disclosure from the start of
/// <see cref="AccountingSinceDay"/> on is still in the accounting (today minus six years, as
/// <see cref="DisclosureAccounting"/> counts); an audit row from before the start of <see cref="AuditBeforeDay"/> is due.
/// </summary>
public sealed record RetentionCutoffs(DateOnly Today, DateOnly ClosedBeforeDay, DateOnly AccountingSinceDay, DateOnly AuditBeforeDay,
    DateTimeOffset ClosedBefore, DateTimeOffset AccountingSince, DateTimeOffset AuditBefore)
{
    public static RetentionCutoffs For(DepartmentClock clock, RetentionOptions policy)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(policy);
        var today = clock.Today;
        var closedBefore = today.AddYears(-policy.YearsAfterClosure);
        var accountingSince = today.AddYears(-DisclosureAccounting.Years);
        var auditBefore = today.AddYears(-policy.AuditYears);
        return new RetentionCutoffs(today, closedBefore, accountingSince, auditBefore,
            clock.StartOf(closedBefore), clock.StartOf(accountingSince), clock.StartOf(auditBefore));
    }
}
