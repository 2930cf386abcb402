using System.ComponentModel.DataAnnotations;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>Section 3 of the form, sensitive information: one explicit consent per category, and the mental-health witness.</summary>
public sealed class ConsentsInput
{
    public List<SensitiveCategory> Categories { get; set; } = [];
    [StringLength(120, ErrorMessage = "Use at most 120 characters.")] public string? WitnessName { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 03/31/2026.")] public string? WitnessedOn { get; set; }

    public bool IncludesMentalHealth => Categories.Contains(SensitiveCategory.MentalHealth);

    /// <summary>One granted consent per ticked category; the witness belongs to the mental-health consent (740 ILCS 110/5).</summary>
    public List<SensitiveConsent> ToConsents() =>
    [
        .. Categories.Where(Enum.IsDefined).Distinct().Select(category => new SensitiveConsent
        {
            Category = category,
            Granted = true,
            WitnessName = category == SensitiveCategory.MentalHealth ? FormText.Optional(WitnessName) : null,
            WitnessedOn = category == SensitiveCategory.MentalHealth ? DateInput.Parse(WitnessedOn) : null,
        }),
    ];
}
