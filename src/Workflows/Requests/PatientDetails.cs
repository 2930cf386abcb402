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
    /// <summary>Another number to reach the patient on (work, a relative's), as Illinois forms offer.</summary>
    public string? SecondPhone { get; init; }
    public string? Email { get; init; }
    /// <summary>The patient's primary-care provider, as the requester names them: helps find the records and the chart.</summary>
    public string? PrimaryCareProvider { get; init; }
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
