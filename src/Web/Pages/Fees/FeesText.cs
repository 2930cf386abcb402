namespace BackOffice.Web.Pages.Fees;

/// <summary>The words of "What will my copies cost?" (<c>FeesText.resx</c>, <c>FeesText.es.resx</c>), also handed to its script.</summary>
public sealed class FeesText;
