namespace BackOffice.Workflows.Requests;

/// <summary>
/// The therapist's finding on a parent's or guardian's access to the mental-health records of a patient aged 12 to 17
/// (740 ILCS 110/4(a)(3): whether there are compelling reasons for denying the access).
/// </summary>
public enum TherapistFinding
{
    NotAsked,
    NotDetrimental,
    Detrimental,
}
