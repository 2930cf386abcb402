namespace BackOffice.Workflows.Lifecycle;

/// <summary>An action as a screen shows it: possible or not, and if not, why.</summary>
public sealed record ActionAvailability(string Trigger, string Label, bool Permitted, IReadOnlyList<string> Reasons);
