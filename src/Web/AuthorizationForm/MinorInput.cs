using System.ComponentModel.DataAnnotations;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.AuthorizationForm;

/// <summary>
/// For a patient aged 12 to 17 (740 ILCS 110/4(a)(3), 110/5(a)): the patient's own signature, saying they know of a
/// parent's or guardian's request and do not object, or co-signing the mental-health consent of an authorization. On
/// paper the clerk also keys in what the form says of the patient's answer.
/// </summary>
public sealed class MinorInput
{
    /// <summary>The patient (aged 12 to 17) types their full name to sign.</summary>
    [StringLength(120, ErrorMessage = "Use at most {1} characters.")] public string? Signature { get; set; }
    /// <summary>Paper: what the form says of the patient's answer.</summary>
    public MinorObjection? Objection { get; set; }

    public bool HasSigned => !string.IsNullOrWhiteSpace(Signature);

    /// <summary>The patient's signature on a parent's request says they were told and do not object.</summary>
    public MinorReview ToReview(bool consentsToMentalHealth) => new()
    {
        Objection = Objection ?? (HasSigned ? MinorObjection.InformedDoesNotObject : MinorObjection.NotAsked),
        MinorSignedMentalHealthConsent = consentsToMentalHealth && HasSigned,
    };
}
