using BackOffice.Web.Labels;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pages.Staff.Intake;

/// <summary>The words the intake page uses for who is asking (the online form speaks to the requester; this to a clerk).</summary>
public static class IntakeLabels
{
    public static string Requester(RequesterType type) => PlainWords.Of(type);
}
