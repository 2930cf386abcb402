namespace BackOffice.Workflows.Requests;

/// <summary>Where the records were made; only the group's own records are released here.</summary>
public enum RecordsLocation
{
    MedicalGroup,
    OtherFacility,
    ExcludedOrganisation,
}
