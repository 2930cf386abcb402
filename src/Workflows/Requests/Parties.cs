namespace BackOffice.Workflows.Requests;

public sealed record PostalAddress
{
    public string Line1 { get; init; } = "";
    public string? Line2 { get; init; }
    public string City { get; init; } = "";
    public string State { get; init; } = "";
    public string PostalCode { get; init; } = "";

    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(Line1) && !string.IsNullOrWhiteSpace(City)
        && !string.IsNullOrWhiteSpace(State) && !string.IsNullOrWhiteSpace(PostalCode);

    public override string ToString() =>
        string.Join(", ", new[] { Line1, Line2, City, $"{State} {PostalCode}".Trim() }
            .Where(part => !string.IsNullOrWhiteSpace(part)));
}

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

/// <summary>Who signs and asks; for a personal representative, the authority they act under.</summary>
public sealed record RequesterDetails
{
    public RequesterType Type { get; init; }
    public string Name { get; init; } = "";
    public string? Organisation { get; init; }
    public RepresentativeAuthority Authority { get; init; }
    public string? AuthorityDescription { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
}

/// <summary>Where the copies go ("release to" on the form).</summary>
public sealed record RecipientDetails
{
    public RequesterType Type { get; init; }
    public string Name { get; init; } = "";
    public string? Organisation { get; init; }
    public PostalAddress Address { get; init; } = new();
    public string? Email { get; init; }
}
