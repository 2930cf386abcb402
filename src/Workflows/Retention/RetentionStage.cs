namespace BackOffice.Workflows.Retention;

/// <summary>How far the retention policy has reduced a request.</summary>
public enum RetentionStage
{
    /// <summary>Everything is kept (open, or closed more recently than the policy's period).</summary>
    Kept,

    /// <summary>Documents and personal data removed, except what the accounting of disclosures still needs for a
    /// disclosure younger than six years: the patient's name, date of birth and MRN.</summary>
    PatientKeptForAccounting,

    /// <summary>Documents and personal data removed; what is left is what the audit needs (tracking number, dates, states,
    /// kinds, fees, the journal's steps).</summary>
    Reduced,
}
