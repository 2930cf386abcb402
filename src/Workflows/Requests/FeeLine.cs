namespace BackOffice.Workflows.Requests;

/// <summary>One charge on an invoice and the law or policy that allows it.</summary>
public sealed record FeeLine(string Description, decimal Amount, string Basis);
