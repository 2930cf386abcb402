namespace BackOffice.Workflows.Requests;

/// <summary>One explicit consent for one sensitive category; mental-health consent must be witnessed.</summary>
public sealed record SensitiveConsent
{
    public SensitiveCategory Category { get; init; }
    public bool Granted { get; init; }
    public string? WitnessName { get; init; }
    public DateOnly? WitnessedOn { get; init; }

    public bool IsWitnessed => !string.IsNullOrWhiteSpace(WitnessName) && WitnessedOn is not null;
}
