using System.Diagnostics;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BackOffice.Web.Tests.SecureEmail;

/// <summary>Reads PDFs with poppler-utils (pdfinfo, pdftotext; test.sh installs them), as a recipient's reader would.</summary>
public static class Poppler
{
    /// <summary>A one-page PDF carrying <paramref name="text"/>.</summary>
    public static byte[] PdfWith(string text)
    {
        BackOffice.Web.Pdf.EmbeddedFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            graphics.DrawString(text, new XFont(BackOffice.Web.Pdf.EmbeddedFontResolver.Family, 12), XBrushes.Black, new XPoint(72, 72));
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>pdftotext's output and exit code for the file, with the user password when given.</summary>
    public static (int ExitCode, string Text) Text(byte[] pdf, string? password = null) =>
        Run("pdftotext", pdf, password, "-", "-layout");

    /// <summary>pdfinfo's output and exit code.</summary>
    public static (int ExitCode, string Text) Info(byte[] pdf, string? password = null) => Run("pdfinfo", pdf, password);

    private static (int, string) Run(string tool, byte[] pdf, string? password, params string[] after)
    {
        var file = Path.Combine(Path.GetTempPath(), $"backoffice-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (password is not null)
            {
                start.ArgumentList.Add("-upw");
                start.ArgumentList.Add(password);
            }

            start.ArgumentList.Add(file);
            foreach (var argument in after.Take(1)) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
