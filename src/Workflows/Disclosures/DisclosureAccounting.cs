using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;
using Microsoft.EntityFrameworkCore;

namespace BackOffice.Workflows.Disclosures;

/// <summary>
/// The accounting of disclosures for one patient (45 CFR 164.528): every disclosure from the start of the same
/// calendar day six years ago (in the department's time zone) up to now, so a disclosure exactly six years ago is in
/// and one six years and a day ago is out. The patient is found on the requests released through (their patient) and
/// on the disclosures recorded without a request (the identity stored on them), each by an indexed column:
/// <list type="bullet">
/// <item>name and date of birth: the normalised name key and the date of birth;</item>
/// <item>MRN: the MRN as written; with a name and date of birth as well, also the rows for that name and date of
/// birth that carry no MRN (many requests do not), so an MRN search does not miss them.</item>
/// </list>
/// </summary>
public sealed class DisclosureAccounting(BackOfficeDbContext db, DepartmentClock clock)
{
    public const int Years = 6;


    public async Task<DisclosureAccountingReport> ForPatientAsync(PatientIdentity patient, AccountingView view,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var now = clock.Now;
        var today = clock.Today;
        var from = today.AddYears(-Years);
        var since = clock.StartOf(from);
        var inPeriod = db.Disclosures.AsNoTracking().Where(d => d.DisclosedAt >= since);

        var viaRequests = await (
            from d in inPeriod
            join r in Matching(db.Requests.AsNoTracking(), patient) on d.RequestId equals (Guid?)r.Id
            select new Row(d.Id, d.DisclosedAt, d.RecipientName, d.RecipientAddress, d.Description, d.Purpose, d.Method,
                d.RequiredInAccounting, d.RequestId, r.TrackingNumber, r.Patient.FirstName, r.Patient.LastName, r.Patient.DateOfBirth))
            .ToListAsync(cancellationToken);
        var withoutRequests = await Matching(inPeriod.Where(d => d.RequestId == null), patient)
            .Select(d => new Row(d.Id, d.DisclosedAt, d.RecipientName, d.RecipientAddress, d.Description, d.Purpose, d.Method,
                d.RequiredInAccounting, null, null, d.PatientFirstName, d.PatientLastName, d.PatientDateOfBirth))
            .ToListAsync(cancellationToken);

        // A patient's disclosures over six years are few: sorted and split here, one query per source.
        var rows = viaRequests.Concat(withoutRequests).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToList();
        var required = rows.Count(r => r.Required);
        var entries = rows.Where(r => view == AccountingView.All || r.Required).Select(ToEntry).ToList();
        var named = rows.FirstOrDefault(r => !string.IsNullOrWhiteSpace(r.LastName));
        var name = named is not null ? $"{named.FirstName} {named.LastName}".Trim()
            : patient.HasName ? $"{patient.FirstName} {patient.LastName}" : null;
        return new DisclosureAccountingReport(patient, name, named?.DateOfBirth ?? patient.DateOfBirth, from, today, view, entries,
            required, rows.Count - required, rows.Find(r => r.RequestId is not null)?.RequestId, now);
    }

    private static IQueryable<RecordsRequest> Matching(IQueryable<RecordsRequest> requests, PatientIdentity patient)
    {
        var key = patient.NameKey;
        var dob = patient.DateOfBirth.GetValueOrDefault();
        var mrn = patient.MedicalRecordNumber;
        if (mrn is null) return requests.Where(r => r.PatientNameKey == key && r.Patient.DateOfBirth == dob);
        if (key is null) return requests.Where(r => r.Patient.MedicalRecordNumber == mrn);
        return requests.Where(r => r.Patient.MedicalRecordNumber == mrn
            || (r.PatientNameKey == key && r.Patient.DateOfBirth == dob
                && (r.Patient.MedicalRecordNumber == null || r.Patient.MedicalRecordNumber == "")));
    }

    private static IQueryable<Disclosure> Matching(IQueryable<Disclosure> disclosures, PatientIdentity patient)
    {
        var key = patient.NameKey;
        DateOnly? dob = patient.DateOfBirth;
        var mrn = patient.MedicalRecordNumber;
        if (mrn is null) return disclosures.Where(d => d.PatientNameKey == key && d.PatientDateOfBirth == dob);
        if (key is null) return disclosures.Where(d => d.PatientMedicalRecordNumber == mrn);
        return disclosures.Where(d => d.PatientMedicalRecordNumber == mrn
            || (d.PatientNameKey == key && d.PatientDateOfBirth == dob && d.PatientMedicalRecordNumber == null));
    }

    private AccountingEntry ToEntry(Row row) => new(row.Id, row.At, clock.DayOf(row.At),
        row.RecipientName, row.RecipientAddress, row.Description, row.Purpose, row.Method, row.RequestId, row.TrackingNumber, row.Required);

    private sealed record Row(Guid Id, DateTimeOffset At, string RecipientName, string? RecipientAddress, string Description,
        string Purpose, string Method, bool Required, Guid? RequestId, string? TrackingNumber, string? FirstName, string? LastName,
        DateOnly? DateOfBirth);
}
