namespace BackOffice.Workflows.Disclosures;

/// <summary>
/// A patient's accounting for the six years up to <see cref="To"/>, newest first. <see cref="NewestRequestId"/> is the
/// newest request any of the patient's disclosures in the period (shown or not) went through, for the audit trail.
/// </summary>
public sealed record DisclosureAccountingReport(
    PatientIdentity Patient,
    string? PatientName,
    DateOnly? PatientDateOfBirth,
    DateOnly From,
    DateOnly To,
    AccountingView View,
    IReadOnlyList<AccountingEntry> Entries,
    int RequiredCount,
    int ExemptCount,
    Guid? NewestRequestId,
    DateTimeOffset GeneratedAt)
{
    /// <summary>Logged disclosures in the period the view leaves out (those exempt from the accounting).</summary>
    public int HiddenCount => View == AccountingView.Required ? ExemptCount : 0;
}
