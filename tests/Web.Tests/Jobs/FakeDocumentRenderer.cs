using System.Collections.Concurrent;
using BackOffice.Web.Pdf.Documents;

namespace BackOffice.Web.Tests.Jobs;

public sealed class FakeDocumentRenderer : IRequestDocumentRenderer
{
    public ConcurrentQueue<(Guid RequestId, string Type)> Calls { get; } = new();

    public static byte[] PdfOf(string documentType) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {documentType}\n%%EOF\n");

    public Task<RenderedDocument> RenderAsync(Guid requestId, string documentType, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((requestId, documentType));
        return Task.FromResult(new RenderedDocument(documentType + ".pdf", documentType, PdfOf(documentType)));
    }
}
