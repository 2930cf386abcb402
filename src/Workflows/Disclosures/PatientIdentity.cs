using BackOffice.Workflows.Persistence;
using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Disclosures;

/// <summary>
/// Whose accounting: an MRN, or last name + first name + date of birth. Names match without regard to case or
/// surrounding spaces (the normalised <see cref="RecordsRequest.NameKey"/>); an MRN matches as written.
/// </summary>
public sealed record PatientIdentity
{
    private PatientIdentity(string? lastName, string? firstName, DateOnly? dateOfBirth, string? mrn)
    {
        LastName = lastName;
        FirstName = firstName;
        DateOfBirth = dateOfBirth;
        MedicalRecordNumber = mrn;
    }

    public string? LastName { get; }
    public string? FirstName { get; }
    public DateOnly? DateOfBirth { get; }
    public string? MedicalRecordNumber { get; }

    public bool HasName => LastName is not null && FirstName is not null && DateOfBirth is not null;

    /// <summary>The indexed form of the name ("LOPEZ MARIA"); null without a full name.</summary>
    public string? NameKey => HasName ? RecordsRequest.NameKey(LastName!, FirstName) : null;

    /// <summary>
    /// Who the audit trail says was looked up, without the MRN, name or date of birth: a keyed hash (the database's search-hash
    /// key, see <see cref="FieldEncryption"/>) of the MRN when searched by it, otherwise of the normalised name and date of
    /// birth, so two lookups of one patient can be matched while the key stays the same. Keyed, because a plain hash of a
    /// name and a date of birth is undone by trying the few thousand dates of birth.
    /// </summary>
    public string AuditReference(FieldEncryption fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (MedicalRecordNumber is not null) return "mrn:" + fields.Hash(MedicalRecordNumber, "audit.mrn")![..16];
        var text = $"{NameKey}|{FieldEncryption.DateText(DateOfBirth!.Value)}";
        return "patient:" + fields.Hash(text, "audit.patient")![..16];
    }

    public static IReadOnlyList<FieldError> Validate(string? lastName, string? firstName, DateOnly? dateOfBirth, string? mrn)
    {
        if (!string.IsNullOrWhiteSpace(mrn))
        {
            return mrn.Trim().Length > AccountableDisclosureDraft.MaxMrnLength
                ? [new FieldError("Mrn", $"An MRN has at most {AccountableDisclosureDraft.MaxMrnLength} characters.")]
                : [];
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(lastName)) errors.Add(new FieldError("LastName", "Enter the patient's last name, or search by MRN."));
        if (string.IsNullOrWhiteSpace(firstName)) errors.Add(new FieldError("FirstName", "Enter the patient's first name, or search by MRN."));
        if (dateOfBirth is null) errors.Add(new FieldError("DateOfBirth", "Enter the patient's date of birth, or search by MRN."));
        return errors;
    }

    /// <exception cref="DomainException">Neither an MRN nor a full name and date of birth, naming the field.</exception>
    public static PatientIdentity Create(string? lastName, string? firstName, DateOnly? dateOfBirth, string? mrn = null)
    {
        if (Validate(lastName, firstName, dateOfBirth, mrn) is [var first, ..]) throw new DomainException(first.Message, first.Field);
        var hasName = !string.IsNullOrWhiteSpace(lastName) && !string.IsNullOrWhiteSpace(firstName) && dateOfBirth is not null;
        return new PatientIdentity(
            hasName ? lastName!.Trim() : null,
            hasName ? firstName!.Trim() : null,
            hasName ? dateOfBirth : null,
            string.IsNullOrWhiteSpace(mrn) ? null : mrn.Trim());
    }
}
