namespace BackOffice.Web.Pages.Staff.Requests;

/// <summary>A value and its words, for a drop-down.</summary>
public sealed record DetailsChoice(string Value, string Text);
