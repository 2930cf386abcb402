using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Workflows.Disclosures;

/// <summary>Records a disclosure made without an authorization, outside the request workflow.</summary>
public sealed class DisclosureRecorder(BackOfficeDbContext db, DepartmentClock clock)
{
    /// <exception cref="DomainException">The draft is not valid; the message names the field.</exception>
    public async Task<Disclosure> RecordAsync(AccountableDisclosureDraft draft, CancellationToken cancellationToken = default)
    {
        var disclosure = Disclosure.WithoutAuthorization(draft, clock);
        db.Disclosures.Add(disclosure);
        await db.SaveChangesAsync(cancellationToken);
        return disclosure;
    }
}
