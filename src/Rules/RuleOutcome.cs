namespace BackOffice.Rules;

/// <summary>What one rule did in one evaluation, for a screen that shows each rule's outcome.</summary>
public sealed record RuleOutcome(string Workflow, string Rule, bool Success, string Message);
