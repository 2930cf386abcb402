using BackOffice.Web.PatientAccess;
using BackOffice.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Web.Pages.Status;

/// <summary>
/// Finds a request by tracking number and date of birth, doing the same work whatever the outcome: a malformed
/// number is looked up as one that cannot exist, and a missing request is compared against a decoy date, so
/// neither answer nor timing tells whether a tracking number exists.
/// </summary>
public static class RequestLookup
{
    // 'U' is not in the tracking-number alphabet, so no request ever has this number.
    private const string Unmatchable = "UUUU-UUUU-UUUU";

    public static async Task<Guid?> FindAsync(BackOfficeDbContext db, string? normalizedTrackingNumber, DateOnly dateOfBirth,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var number = normalizedTrackingNumber ?? Unmatchable;
        var row = await db.Requests.AsNoTracking()
            .Where(r => r.TrackingNumber == number)
            .Select(r => new { r.Id, r.Patient.DateOfBirth })
            .SingleOrDefaultAsync(cancellationToken);
        var matches = BirthDates.Matches(row?.DateOfBirth ?? BirthDates.Decoy, dateOfBirth);
        return matches && row is not null ? row.Id : null;
    }
}
