namespace BackOffice.Workflows.Requests;

/// <summary>Whether a patient aged 12 to 17 was told of a parent's or guardian's request and objects (740 ILCS 110/4(a)(3)).</summary>
public enum MinorObjection
{
    NotAsked,
    InformedDoesNotObject,
    Objects,
}
