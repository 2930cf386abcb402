namespace BackOffice.Workflows.Reporting;

/// <summary>Open states: requests in the state now. Closed states: requests that closed in it within the period.</summary>
public sealed record StateCount(string State, bool Closed, int Count);
