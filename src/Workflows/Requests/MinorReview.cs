namespace BackOffice.Workflows.Requests;

/// <summary>
/// For a patient aged 12 to 17: whether the patient was told and objects, the therapist's finding (recorded by a clerk,
/// or the minor's answer on the form), and whether the patient co-signed the mental-health consent of an authorization.
/// </summary>
public sealed record MinorReview
{
    public MinorObjection Objection { get; init; }
    public TherapistFinding Finding { get; init; }
    /// <summary>The patient (aged 12 to 17) signed the mental-health consent themselves (740 ILCS 110/4(a)(2), 110/5(a)).</summary>
    public bool MinorSignedMentalHealthConsent { get; init; }
}
