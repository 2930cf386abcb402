using System.Security.Cryptography;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace BackOffice.Web.SecureEmail;

/// <summary>
/// The release package as one PDF encrypted with AES-256 (PDF encryption V5): opened only with the requester's
/// passphrase. A package uploaded as an image becomes a one-page PDF first. The owner password is random and thrown
/// away, so nobody can lift the restrictions without the passphrase.
/// </summary>
public static class EncryptedPdf
{
    public static byte[] Encrypt(byte[] package, string contentType, string passphrase)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        using var document = Open(package, contentType);
        document.SecuritySettings.UserPassword = passphrase;
        document.SecuritySettings.OwnerPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        document.SecurityHandler.SetEncryptionToV5();
        return Save(document);
    }

    /// <summary>The package as a PDF, unencrypted (for unencrypted e-mail at the patient's request).</summary>
    public static byte[] Plain(byte[] package, string contentType)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (contentType == "application/pdf") return package;
        using var document = Open(package, contentType);
        return Save(document);
    }

    private static PdfDocument Open(byte[] package, string contentType)
    {
        if (contentType == "application/pdf") return PdfReader.Open(new MemoryStream(package, writable: false), PdfDocumentOpenMode.Modify);

        // A photographed or scanned page: one page the image's size, at most Letter.
        var document = new PdfDocument();
        using var image = XImage.FromStream(new MemoryStream(package, writable: false));
        var page = document.AddPage();
        var scale = Math.Min(1.0, Math.Min(612.0 / image.PointWidth, 792.0 / image.PointHeight));
        page.Width = XUnit.FromPoint(image.PointWidth * scale);
        page.Height = XUnit.FromPoint(image.PointHeight * scale);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
        }

        return document;
    }

    private static byte[] Save(PdfDocument document)
    {
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
