namespace BackOffice.Workflows.Requests;

/// <summary>
/// A patient (or their representative) asking for the patient's own records makes an access request
/// under 45 CFR 164.524; anyone else needs an authorization under 45 CFR 164.508.
/// </summary>
public enum RequestKind
{
    Access,
    Authorization,
}
