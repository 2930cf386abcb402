namespace BackOffice.Workflows.Requests;

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
