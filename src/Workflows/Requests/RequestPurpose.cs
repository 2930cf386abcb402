namespace BackOffice.Workflows.Requests;

public enum RequestPurpose
{
    AtRequestOfIndividual,
    ContinuingCare,
    Legal,
    Insurance,
    Employment,
    VeteransDisability,
    SocialSecurity,
    SSI,
    AABD,
    Other,
}
