using System.ComponentModel.DataAnnotations;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// Section 3 of the form, sensitive information. On an authorization to release to someone else: one explicit consent
/// per category, and the witness to the mental-health consent (740 ILCS 110/5). On the patient's own access request the
/// whole record is theirs (45 CFR 164.524): nothing is consented to, the patient may choose categories to leave out, and
/// may ask for psychotherapy notes by name (they are outside the right of access).
/// </summary>
public sealed class ConsentsInput
{
    /// <summary>Authorization: the categories consented to. Access: only psychotherapy notes, when asked for by name.</summary>
    public List<SensitiveCategory> Categories { get; set; } = [];
    /// <summary>Access: the categories the patient chose to leave out.</summary>
    public List<SensitiveCategory> LeaveOut { get; set; } = [];
    [StringLength(120, ErrorMessage = "Use at most {1} characters.")] public string? WitnessName { get; set; }
    /// <summary>Online the witness signs by typing their full name.</summary>
    [StringLength(120, ErrorMessage = "Use at most {1} characters.")] public string? WitnessSignature { get; set; }
    [StringLength(20, ErrorMessage = "Enter the date as 03/31/2026.")] public string? WitnessedOn { get; set; }

    public bool IncludesMentalHealth => Categories.Contains(SensitiveCategory.MentalHealth);

    /// <summary>
    /// The categories an authorization consents to one by one. Care for a sexually transmitted infection needs no consent
    /// of its own for an adult; a minor's is covered by the consent for care the minor consented to alone.
    /// </summary>
    public static IReadOnlyList<SensitiveCategory> Consentable { get; } =
        [.. Enum.GetValues<SensitiveCategory>().Where(c => c != SensitiveCategory.SexuallyTransmittedInfection)];

    /// <summary>The categories a patient may leave out of their own records (psychotherapy notes are not in them to begin with).</summary>
    public static IReadOnlyList<SensitiveCategory> LeavableOut { get; } =
        [.. Enum.GetValues<SensitiveCategory>().Where(c => c != SensitiveCategory.PsychotherapyNotes)];

    /// <summary>
    /// The consents the request holds. An authorization: one granted consent per ticked category, the witness on the
    /// mental-health one. An access request: psychotherapy notes asked for by name (granted), and each category the
    /// patient leaves out (not granted).
    /// </summary>
    public List<SensitiveConsent> ToConsents(RequestKind kind)
    {
        if (kind == RequestKind.Access)
        {
            return
            [
                .. Categories.Where(c => c == SensitiveCategory.PsychotherapyNotes).Distinct()
                    .Select(category => new SensitiveConsent { Category = category, Granted = true }),
                .. LeaveOut.Where(LeavableOut.Contains).Distinct()
                    .Select(category => new SensitiveConsent { Category = category, Granted = false }),
            ];
        }

        return
        [
            .. Categories.Where(Consentable.Contains).Distinct().Select(category => category == SensitiveCategory.MentalHealth
                ? new SensitiveConsent
                {
                    Category = category,
                    Granted = true,
                    WitnessName = FormText.Optional(WitnessName),
                    WitnessSignature = FormText.Optional(WitnessSignature),
                    WitnessedOn = DateInput.Parse(WitnessedOn),
                }
                : new SensitiveConsent { Category = category, Granted = true }),
        ];
    }
}
