namespace BackOffice.Web.EmailContent;

/// <summary>A table row; <paramref name="Link"/>, when given, links the first cell.</summary>
public sealed record MessageTableRow(IReadOnlyList<string> Cells, string? Link = null);
