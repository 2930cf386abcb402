namespace BackOffice.Workflows.Reporting;

/// <summary>
/// <see cref="Invoiced"/>: the fee totals of invoices issued in the period (a request entering the state that
/// produces the invoice); <see cref="Collected"/>: payments recorded in the period, whenever their invoice was issued.
/// </summary>
public sealed record FeeFigures(decimal Invoiced, int Invoices, decimal Collected, int Payments);
