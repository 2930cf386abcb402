namespace BackOffice.Web.Pdf.Documents;

/// <summary>The documents a lifecycle step can ask for with <c>Produce:X</c>.</summary>
public static class RequestDocumentTypes
{
    public const string Invoice = "Invoice";
    public const string CoverLetter = "CoverLetter";
    public const string MissingInformationLetter = "MissingInformationLetter";
    public const string RedirectLetter = "RedirectLetter";
    public const string DenialLetter = "DenialLetter";
    public const string ExtensionNotice = "ExtensionNotice";

    public static readonly IReadOnlyList<string> All =
        [Invoice, CoverLetter, MissingInformationLetter, RedirectLetter, DenialLetter, ExtensionNotice];
}
