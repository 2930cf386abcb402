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
