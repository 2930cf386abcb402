using BackOffice.Workflows.Requests;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// For a patient who has died, what the form asks of the signer (735 ILCS 5/8-2001.5): who they are to the patient,
/// whether anyone comes before them, the letters of office or the power of attorney, and the patient's written objection.
/// </summary>
public sealed class DeceasedInput
{
    /// <summary>An authorized relative: surviving spouse, adult child, parent or adult sibling.</summary>
    public DeceasedRelation? Relation { get; set; }
    /// <summary>An executor, administrator or agent exists, or (for a child, parent or sibling) a surviving spouse.</summary>
    public bool? HigherPriorityPersonExists { get; set; }
    /// <summary>An executor or administrator attaches the letters of office.</summary>
    public bool LettersOfOfficeAttached { get; set; }
    /// <summary>An agent's health-care power of attorney says it continues after death.</summary>
    public bool? PowerOfAttorneyContinuesAfterDeath { get; set; }
    /// <summary>The patient objected in writing to the release of their records.</summary>
    public bool PatientObjectedInWriting { get; set; }

    public DeceasedPatientStanding ToStanding(bool deceased, bool documentAttached) => !deceased ? new() : new()
    {
        Relation = Relation ?? DeceasedRelation.None,
        HigherPriorityPersonExists = HigherPriorityPersonExists,
        LettersOfOfficeProvided = LettersOfOfficeAttached && documentAttached,
        PowerOfAttorneyContinuesAfterDeath = PowerOfAttorneyContinuesAfterDeath,
        PatientObjectedInWriting = PatientObjectedInWriting,
    };
}
