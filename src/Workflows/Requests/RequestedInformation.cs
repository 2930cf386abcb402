namespace BackOffice.Workflows.Requests;

/// <summary>Section 3 of the form: what is asked for.</summary>
public sealed record RequestedInformation
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Refusing "all records" is a barrier patients complain about, so it is a first-class choice.</summary>
    public bool AllRecords { get; init; }
    public IReadOnlyList<string> RecordTypes { get; init; } = [];
    public string? Description { get; init; }

    /// <summary>The day the requester needs the records by, if they say (staff see it in the queue's detail; the legal
    /// deadline is unchanged).</summary>
    public DateOnly? NeededBy { get; init; }

    public bool IsSpecific => AllRecords || RecordTypes.Count > 0 || !string.IsNullOrWhiteSpace(Description);
}
