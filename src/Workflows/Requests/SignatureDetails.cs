namespace BackOffice.Workflows.Requests;

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
