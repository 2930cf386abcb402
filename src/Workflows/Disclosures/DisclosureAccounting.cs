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
/// <item>name and date of birth: the normalised name key (stored plain) and the keyed hash of the date of birth
/// (the date itself is encrypted);</item>
/// <item>MRN: the keyed hash of the MRN as written; with a name and date of birth as well, also the rows for that name
/// and date of birth that carry no MRN (many requests do not), so an MRN search does not miss them.</item>
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
            join r in Matching(db.Requests.AsNoTracking(), patient, db.Fields) on d.RequestId equals (Guid?)r.Id
            select new Row(d.Id, d.DisclosedAt, d.RecipientName, d.RecipientAddress, d.Description, d.Purpose, d.Method,
                d.RequiredInAccounting, d.RequestId, r.TrackingNumber, r.Patient.FirstName, r.Patient.LastName, r.Patient.DateOfBirth))
            .ToListAsync(cancellationToken);
        var withoutRequests = await Matching(inPeriod.Where(d => d.RequestId == null), patient, db.Fields)
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

    // Dates of birth and MRNs are encrypted with a fresh nonce each time, so rows are matched on their keyed hashes (one
    // per configured key while a rotation is under way); a blank or missing MRN has no hash.
    private static IQueryable<RecordsRequest> Matching(IQueryable<RecordsRequest> requests, PatientIdentity patient, FieldEncryption fields)
    {
        var key = patient.NameKey;
        var dob = HashMatch.Any<RecordsRequest>(r => EF.Property<string?>(r.Patient, SensitiveFields.DateOfBirthHash),
            patient.DateOfBirth is { } day ? fields.SearchHashes(day, SensitiveFields.DateOfBirthPurpose) : []);
        var mrn = HashMatch.Any<RecordsRequest>(r => EF.Property<string?>(r.Patient, SensitiveFields.MedicalRecordNumberHash),
            fields.SearchHashes(patient.MedicalRecordNumber, SensitiveFields.MedicalRecordNumberPurpose));
        if (patient.MedicalRecordNumber is null) return requests.Where(r => r.PatientNameKey == key).Where(dob);
        if (key is null) return requests.Where(mrn);
        return requests.Where(HashMatch.Or(mrn, HashMatch.And(dob, r => r.PatientNameKey == key
            && EF.Property<string?>(r.Patient, SensitiveFields.MedicalRecordNumberHash) == null)));
    }

    private static IQueryable<Disclosure> Matching(IQueryable<Disclosure> disclosures, PatientIdentity patient, FieldEncryption fields)
    {
        var key = patient.NameKey;
        var dob = HashMatch.Any<Disclosure>(d => EF.Property<string?>(d, SensitiveFields.DisclosureDateOfBirthHash),
            patient.DateOfBirth is { } day ? fields.SearchHashes(day, SensitiveFields.DateOfBirthPurpose) : []);
        var mrn = HashMatch.Any<Disclosure>(d => EF.Property<string?>(d, SensitiveFields.DisclosureMedicalRecordNumberHash),
            fields.SearchHashes(patient.MedicalRecordNumber, SensitiveFields.MedicalRecordNumberPurpose));
        if (patient.MedicalRecordNumber is null) return disclosures.Where(d => d.PatientNameKey == key).Where(dob);
        if (key is null) return disclosures.Where(mrn);
        return disclosures.Where(HashMatch.Or(mrn, HashMatch.And(dob, d => d.PatientNameKey == key
            && EF.Property<string?>(d, SensitiveFields.DisclosureMedicalRecordNumberHash) == null)));
    }

    private AccountingEntry ToEntry(Row row) => new(row.Id, row.At, clock.DayOf(row.At),
        row.RecipientName, row.RecipientAddress, row.Description, row.Purpose, row.Method, row.RequestId, row.TrackingNumber, row.Required);

    private sealed record Row(Guid Id, DateTimeOffset At, string RecipientName, string? RecipientAddress, string Description,
        string Purpose, string Method, bool Required, Guid? RequestId, string? TrackingNumber, string? FirstName, string? LastName,
        DateOnly? DateOfBirth);
}
