namespace BackOffice.Workflows.Requests;

/// <summary>Pages the clerk counted while compiling the records, by kind (fees differ by kind).</summary>
public sealed record PageCounts
{
    public int Paper { get; init; }
    public int Electronic { get; init; }
    public int Microfiche { get; init; }
    public int Film { get; init; }

    public int Total => Paper + Electronic + Microfiche + Film;
}
