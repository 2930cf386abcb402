using BackOffice.Web.Labels;
using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>A permitted action with the inputs its form asks for.</summary>
public sealed record DetailsAction(ActionAvailability Availability, IReadOnlyList<DetailsInput> Inputs)
{
    public string Trigger => Availability.Trigger;
    public string Label => PlainWords.Trigger(Availability.Trigger, Availability.Label);
}
