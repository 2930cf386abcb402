using System.Diagnostics;

namespace BackOffice.Web.Tests.Support;

/// <summary>Files a person reviews after a run (screenshots, rendered PDF pages), kept in TestResults/artifacts.</summary>
public static class Artifacts
{
    public static string Directory { get; } = Create();

    public static string PathFor(string fileName) => System.IO.Path.Combine(Directory, fileName);

    /// <summary>Renders page 1 of a PDF to PNG with pdftoppm (poppler-utils, installed by test.sh); returns the PNG path.</summary>
    public static async Task<string> RenderFirstPageAsync(byte[] pdf, string name)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var pdfPath = PathFor(name + ".pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var prefix = PathFor(name);
        using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfPath, prefix])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("pdftoppm did not start");
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
        return prefix + ".png";
    }

    private static string Create()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "BackOffice.sln"))) folder = folder.Parent;
        var root = folder?.FullName ?? System.IO.Path.GetTempPath();
        var path = System.IO.Path.Combine(root, "TestResults", "artifacts");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
