namespace BackOffice.Workflows.Requests;

/// <summary>Section 1 of the form: whose records these are.</summary>
public sealed record PatientDetails
{
    public string FirstName { get; init; } = "";
    public string? MiddleName { get; init; }
    public string LastName { get; init; } = "";
    public string? FormerNames { get; init; }
    public DateOnly DateOfBirth { get; init; }
    public string? MedicalRecordNumber { get; init; }
    public PostalAddress Address { get; init; } = new();
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public bool IsDeceased { get; init; }
    public DateOnly? DateOfDeath { get; init; }

    public string FullName => string.Join(' ', new[] { FirstName, MiddleName, LastName }
        .Where(part => !string.IsNullOrWhiteSpace(part)));

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > day ? age - 1 : age;
    }
}
