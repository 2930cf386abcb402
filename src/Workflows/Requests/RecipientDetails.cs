namespace BackOffice.Workflows.Requests;

/// <summary>Where the copies go ("release to" on the form).</summary>
public sealed record RecipientDetails
{
    public RequesterType Type { get; init; }
    public string Name { get; init; } = "";
    public string? Organisation { get; init; }
    public PostalAddress Address { get; init; } = new();
    public string? Email { get; init; }
}
