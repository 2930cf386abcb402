using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Retention;

/// <summary>
/// The days a run works from, on the department's calendar: a request closed before the start of
/// <see cref="ClosedBeforeDay"/> (today minus the policy's years) is due; a disclosure from the start of
/// <see cref="AccountingSinceDay"/> on is still in the accounting (today minus six years, as
/// <see cref="DisclosureAccounting"/> counts); an audit row from before the start of <see cref="AuditBeforeDay"/> is due.
/// A disclosure recorded without a request is due from before the start of <see cref="DisclosuresBeforeDay"/>, the earlier
/// of the closure and accounting days (see <see cref="RetentionPurge"/>).
/// </summary>
public sealed record RetentionCutoffs(DateOnly Today, DateOnly ClosedBeforeDay, DateOnly AccountingSinceDay, DateOnly AuditBeforeDay,
    DateTimeOffset ClosedBefore, DateTimeOffset AccountingSince, DateTimeOffset AuditBefore)
{
    /// <summary>A disclosure recorded without a request dated before the start of this day is out of the accounting and as
    /// old as the policy keeps a closed request: both cut-offs passed.</summary>
    public DateOnly DisclosuresBeforeDay => ClosedBeforeDay < AccountingSinceDay ? ClosedBeforeDay : AccountingSinceDay;

    /// <summary>The start of <see cref="DisclosuresBeforeDay"/>, department time.</summary>
    public DateTimeOffset DisclosuresBefore => ClosedBefore < AccountingSince ? ClosedBefore : AccountingSince;

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
