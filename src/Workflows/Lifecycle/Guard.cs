namespace BackOffice.Workflows.Lifecycle;

/// <summary>A named condition; its description is what a clerk reads when an action is not possible.</summary>
public sealed record Guard(string Name, string Description, Func<GuardContext, bool> Holds);
