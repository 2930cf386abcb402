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
}
