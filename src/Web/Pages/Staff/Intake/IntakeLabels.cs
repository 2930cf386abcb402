using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Staff.Intake;

/// <summary>The words the intake page uses for who is asking (the online form speaks to the requester; this to a clerk).</summary>
public static class IntakeLabels
{
    public static string Requester(RequesterType type) => type switch
    {
        RequesterType.Patient => "The patient",
        RequesterType.PersonalRepresentative => "The patient's personal representative",
        RequesterType.Attorney => "An attorney or law firm",
        RequesterType.Insurer => "An insurance company",
        RequesterType.Provider => "Another doctor, hospital or clinic",
        _ => "An employer or someone else",
    };
}
