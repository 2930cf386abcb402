namespace BackOffice.Workflows.Requests;

public enum ReleaseDecisionKind
{
    Release,
    ReleaseWithWithheld,
    HoldForInformation,
    Redirect,
    Deny,
}
