namespace BackOffice.Workflows.Requests;

/// <summary>
/// One sensitive category named on the request. On an authorization: the specific consent to release it (granted);
/// mental-health consent must be witnessed (740 ILCS 110/5). On the patient's own access request the whole record is
/// theirs, and an entry that is not granted is the patient's choice to leave that category out.
/// </summary>
public sealed record SensitiveConsent
{
    public SensitiveCategory Category { get; init; }
    public bool Granted { get; init; }
    public string? WitnessName { get; init; }
    /// <summary>The witness's signature: their name typed online; on paper the clerk sees the signature on the scan.</summary>
    public string? WitnessSignature { get; init; }
    public DateOnly? WitnessedOn { get; init; }

    /// <summary>A witness is named and dated (and, online, has signed by typing their name).</summary>
    public bool IsWitnessed => !string.IsNullOrWhiteSpace(WitnessName) && WitnessedOn is not null;
}
