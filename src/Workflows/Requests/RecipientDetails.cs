namespace BackOffice.Workflows.Requests;

/// <summary>Where the copies go ("release to" on the form).</summary>
public sealed record RecipientDetails
{
    public RequesterType Type { get; init; }
    public string Name { get; init; } = "";
    public string? Organisation { get; init; }
    public PostalAddress Address { get; init; } = new();
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Fax { get; init; }

    /// <summary>For pickup: the person who will collect the copies (they show a photo ID at the desk).</summary>
    public string? PickupBy { get; init; }
}
