namespace BackOffice.Rules;

public sealed record Denial(string Reason, string Basis, bool Reviewable);
