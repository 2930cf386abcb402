namespace BackOffice.Workflows.Requests;

/// <summary>Section 3 of the form: what is asked for.</summary>
public sealed record RequestedInformation
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Refusing "all records" is a barrier patients complain about, so it is a first-class choice.</summary>
    public bool AllRecords { get; init; }
    public List<string> RecordTypes { get; init; } = [];
    public string? Description { get; init; }

    public bool IsSpecific => AllRecords || RecordTypes.Count > 0 || !string.IsNullOrWhiteSpace(Description);
}

/// <summary>One explicit consent for one sensitive category; mental-health consent must be witnessed.</summary>
public sealed record SensitiveConsent
{
    public SensitiveCategory Category { get; init; }
    public bool Granted { get; init; }
    public string? WitnessName { get; init; }
    public DateOnly? WitnessedOn { get; init; }

    public bool IsWitnessed => !string.IsNullOrWhiteSpace(WitnessName) && WitnessedOn is not null;
}

/// <summary>Signature block; online requests add the typed e-signature, its time and address.</summary>
public sealed record SignatureDetails
{
    public string SignerName { get; init; } = "";
    public string? SignerRelationship { get; init; }
    public DateOnly SignedOn { get; init; }
    public string? ElectronicSignature { get; init; }
    public DateTimeOffset? ElectronicallySignedAt { get; init; }
    public string? SignerIpAddress { get; init; }
}

/// <summary>Pages the clerk counted while compiling the records, by kind (fees differ by kind).</summary>
public sealed record PageCounts
{
    public int Paper { get; init; }
    public int Electronic { get; init; }
    public int Microfiche { get; init; }
    public int Film { get; init; }

    public int Total => Paper + Electronic + Microfiche + Film;
}
