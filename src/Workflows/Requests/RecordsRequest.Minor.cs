namespace BackOffice.Workflows.Requests;

/// <summary>A parent's or guardian's access to the mental-health records of a patient aged 12 to 17 (740 ILCS 110/4(a)(3)).</summary>
public sealed partial class RecordsRequest
{
    /// <summary>Records what the minor said when told of the request, and the therapist's finding; the rules decide again.</summary>
    public void RecordMinorReview(MinorObjection objection, TherapistFinding finding)
    {
        if (!Enum.IsDefined(objection)) throw new DomainException("Choose what the patient said when told of the request.", "objection");
        if (!Enum.IsDefined(finding)) throw new DomainException("Choose the therapist's finding.", "finding");
        Minor = Minor with { Objection = objection, Finding = finding };
    }
}
