namespace BackOffice.Rules;

public sealed record MissingElement(string Element, string Basis);
