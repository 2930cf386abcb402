namespace BackOffice.Workflows.Disclosures;

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
