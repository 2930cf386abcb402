namespace BackOffice.Workflows.Requests;

/// <summary>
/// What the form says about the signer's standing for a patient who has died (735 ILCS 5/8-2001.5): who they are to
/// the patient, whether anyone comes before them, and the papers that show it.
/// </summary>
public sealed record DeceasedPatientStanding
{
    /// <summary>For an authorized relative: spouse, adult child, parent or adult sibling.</summary>
    public DeceasedRelation Relation { get; init; }

    /// <summary>
    /// Someone earlier in the statute's order exists: an executor, administrator or agent (for any relative), or a
    /// surviving spouse (for a child, parent or sibling). Null: the form does not say.
    /// </summary>
    public bool? HigherPriorityPersonExists { get; init; }

    /// <summary>An executor's or administrator's letters of office are attached.</summary>
    public bool LettersOfOfficeProvided { get; init; }

    /// <summary>An agent's health-care power of attorney says it continues after death (the document attached). Null: not said.</summary>
    public bool? PowerOfAttorneyContinuesAfterDeath { get; init; }

    /// <summary>The patient objected in writing to disclosure of their records (relatives then have no right to them).</summary>
    public bool PatientObjectedInWriting { get; init; }
}
