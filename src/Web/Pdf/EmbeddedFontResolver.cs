using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace BackOffice.Web.Pdf;

/// <summary>
/// PDFsharp on Linux finds no system fonts, so every document uses DejaVu Sans shipped inside this
/// assembly (it also covers accented and non-Latin names). Installed once per process.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
        return true;
    });

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    public static void EnsureInstalled() => _ = Installed.Value;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : italic ? "DejaVuSans-Oblique" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, static name =>
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"BackOffice.Web.Pdf.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });
}
