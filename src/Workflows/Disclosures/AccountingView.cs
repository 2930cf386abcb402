namespace BackOffice.Workflows.Disclosures;

public enum AccountingView
{
    /// <summary>Only the disclosures HIPAA requires in an accounting (45 CFR 164.528(a)).</summary>
    Required,
    /// <summary>Every disclosure logged, including those to the patient and under an authorization.</summary>
    All,
}
