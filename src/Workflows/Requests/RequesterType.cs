namespace BackOffice.Workflows.Requests;

/// <summary>Who is asking; drives which rules and fees apply.</summary>
public enum RequesterType
{
    Patient,
    PersonalRepresentative,
    Attorney,
    Insurer,
    Provider,
    OtherThirdParty,
}
