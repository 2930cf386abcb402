namespace BackOffice.Web.Pdf.Documents;

/// <summary>A generated PDF for one request.</summary>
public sealed record RenderedDocument(string FileName, string Title, byte[] Content);

/// <summary>
/// Renders the document a lifecycle step asks for (an outbox row's <c>Type</c> for <c>Produce:X</c>: "Invoice",
/// "CoverLetter", "MissingInformationLetter", "RedirectLetter", "DenialLetter", "ExtensionNotice") from the request
/// as it is now. Pure: it stores nothing.
/// </summary>
public interface IRequestDocumentRenderer
{
    Task<RenderedDocument> RenderAsync(Guid requestId, string documentType, CancellationToken cancellationToken = default);
}
