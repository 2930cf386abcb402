namespace BackOffice.Web.Api;

public sealed record FeeEstimateLine(string Description, decimal Amount, string Basis);
