namespace BackOffice.Workflows.Requests;

/// <summary>Categories that need their own explicit consent before they are released.</summary>
public enum SensitiveCategory
{
    MentalHealth,
    PsychotherapyNotes,
    Hiv,
    Genetic,
    SubstanceUseDisorder,
    MinorConsentedServices,
    /// <summary>Care for a sexually transmitted infection, which a minor 12 or older may consent to alone (410 ILCS 210/4).</summary>
    SexuallyTransmittedInfection,
}
