namespace BackOffice.Workflows.Requests;

/// <summary>The legal authority a personal representative acts under.</summary>
public enum RepresentativeAuthority
{
    None,
    ParentOfMinor,
    Guardian,
    HealthCarePowerOfAttorney,
    Executor,
    Administrator,
    AuthorizedRelative,
    Other,
}
