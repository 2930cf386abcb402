namespace BackOffice.Workflows.Disclosures;

public enum AccountingView
{
    /// <summary>Only the disclosures HIPAA requires in an accounting (45 CFR 164.528(a)).</summary>
    Required,
    /// <summary>Every disclosure logged, including those to the patient and under an authorization.</summary>
    All,
}

/// <summary>One line of the accounting: what 164.528(b)(2) asks for, and how and through which request it went.</summary>
public sealed record AccountingEntry(
    Guid Id,
    DateTimeOffset DisclosedAt,
    DateOnly DisclosedOn,
    string RecipientName,
    string? RecipientAddress,
    string Description,
    string Purpose,
    string Method,
    Guid? RequestId,
    string? TrackingNumber,
    bool RequiredInAccounting);

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
