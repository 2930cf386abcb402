namespace BackOffice.Workflows.Requests;

/// <summary>
/// An authorized relative of a patient who has died, in the order of 735 ILCS 5/8-2001.5(a): the surviving spouse; if
/// there is none, any one or more of an adult son or daughter, a parent, or an adult brother or sister.
/// </summary>
public enum DeceasedRelation
{
    None,
    SurvivingSpouse,
    AdultChild,
    Parent,
    AdultSibling,
}
