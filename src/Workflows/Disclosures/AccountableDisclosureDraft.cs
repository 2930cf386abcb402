using BackOffice.Workflows.Requests;

namespace BackOffice.Workflows.Disclosures;

/// <summary>
/// A disclosure made without the patient's authorization, as a clerk records it after the fact: whose records, when,
/// to whom, what and why (45 CFR 164.528(b)(2)). Field names are the form's, so each message lands next to its field.
/// </summary>
public sealed record AccountableDisclosureDraft
{
    public const int MaxNameLength = 100;
    public const int MaxMrnLength = 40;
    public const int MaxRecipientNameLength = 400;
    public const int MaxRecipientAddressLength = 500;
    public const int MaxDescriptionLength = 1000;
    public const int MaxPurposeDetailLength = 400;

    public string? LastName { get; init; }
    public string? FirstName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? MedicalRecordNumber { get; init; }
    public DateOnly? DisclosedOn { get; init; }
    public string? RecipientName { get; init; }
    /// <summary>Optional: the rule asks for the address "if known".</summary>
    public string? RecipientAddress { get; init; }
    public string? Description { get; init; }
    /// <summary>A <see cref="DisclosureBasis.Code"/>.</summary>
    public string? LegalBasis { get; init; }
    public string? PurposeDetail { get; init; }
    /// <summary>One of <see cref="DisclosureMethods.Recordable"/>.</summary>
    public string? Method { get; init; }

    public IReadOnlyList<FieldError> Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok) errors.Add(new FieldError(field, message));
        }

        Check(Filled(LastName), nameof(LastName), "Enter the patient's last name.");
        Check(Fits(LastName, MaxNameLength), nameof(LastName), $"Use at most {MaxNameLength} characters for the last name.");
        Check(Filled(FirstName), nameof(FirstName), "Enter the patient's first name.");
        Check(Fits(FirstName, MaxNameLength), nameof(FirstName), $"Use at most {MaxNameLength} characters for the first name.");
        Check(DateOfBirth is { } dob && dob <= today && dob >= today.AddYears(-130), nameof(DateOfBirth),
            "Enter the patient's date of birth; it cannot be in the future.");
        Check(Fits(MedicalRecordNumber, MaxMrnLength), nameof(MedicalRecordNumber), $"An MRN has at most {MaxMrnLength} characters.");
        Check(DisclosedOn is not null, nameof(DisclosedOn), "Enter the date the records were disclosed.");
        Check(DisclosedOn is null || DisclosedOn <= today, nameof(DisclosedOn), "The date disclosed cannot be in the future.");
        Check(DisclosedOn is null || DateOfBirth is null || DateOfBirth > today || DisclosedOn >= DateOfBirth, nameof(DisclosedOn),
            "The date disclosed cannot be before the patient's date of birth.");
        Check(Filled(RecipientName), nameof(RecipientName), "Enter who received the records (a person or an organization).");
        Check(Fits(RecipientName, MaxRecipientNameLength), nameof(RecipientName), $"Use at most {MaxRecipientNameLength} characters for the recipient.");
        Check(Fits(RecipientAddress, MaxRecipientAddressLength), nameof(RecipientAddress), $"Use at most {MaxRecipientAddressLength} characters for the address.");
        Check(Filled(Description), nameof(Description), "Describe the information disclosed, for example \"lab results of 03/02/2026\".");
        Check(Fits(Description, MaxDescriptionLength), nameof(Description), $"Use at most {MaxDescriptionLength} characters for the description.");
        Check(DisclosureBasis.Find(LegalBasis) is not null, nameof(LegalBasis), "Choose the legal basis for the disclosure.");
        Check(Filled(PurposeDetail), nameof(PurposeDetail), "Say briefly why the records were disclosed, for example \"reportable disease report to the county\".");
        Check(Fits(PurposeDetail, MaxPurposeDetailLength), nameof(PurposeDetail), $"Use at most {MaxPurposeDetailLength} characters for the purpose.");
        Check(DisclosureMethods.Recordable.Contains(Method?.Trim() ?? "", StringComparer.Ordinal), nameof(Method), "Choose how the records were disclosed.");
        return errors;
    }

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool Fits(string? value, int length) => value is null || value.Trim().Length <= length;
}
