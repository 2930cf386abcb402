using BackOffice.Workflows.Requests;

namespace BackOffice.Rules;

/// <summary>The one decision on a request and everything the letters to the requester must say.</summary>
public sealed record ReleaseDecision(
    ReleaseDecisionKind Kind,
    string Summary,
    IReadOnlyList<MissingElement> Missing,
    IReadOnlyList<WithheldCategory> Withheld,
    string? RedirectTo,
    Denial? Denial,
    IReadOnlyList<string> Notes);
