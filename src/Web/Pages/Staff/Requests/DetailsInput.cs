using BackOffice.Workflows.Lifecycle;

namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>One input of an action's form: the <see cref="TriggerArgs"/> key it posts as <c>args[Name]</c>.</summary>
public sealed record DetailsInput(string Name, string Label, DetailsInputKind Kind, string? Hint = null, string? Value = null,
    IReadOnlyList<DetailsChoice>? Choices = null);
