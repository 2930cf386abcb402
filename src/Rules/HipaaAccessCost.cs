namespace BackOffice.Rules;

/// <summary>The cost figures behind a patient's own-access fee (45 CFR 164.524(c)(4)).</summary>
public sealed record HipaaAccessCost(decimal ElectronicFlatFee, decimal LaborPerPage, decimal SuppliesPerPage, string Source);
