using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BackOffice.Web.Pdf;

/// <summary>
/// Writes flowing text onto Letter pages top to bottom, starting a new page when one is full: the few
/// layout moves our forms, letters and invoices need (headings, paragraphs, fill-in lines, check boxes,
/// tables of amounts).
/// </summary>
public sealed class PdfComposer : IDisposable
{
    private const double Margin = 54; // three quarters of an inch
    private readonly PdfDocument _document = new();
    private readonly XFont _body;
    private readonly XFont _bold;
    private readonly XFont _small;
    private PdfPage _page = null!;
    private XGraphics _graphics = null!;
    private double _y;

    public PdfComposer(string title)
    {
        // Fonts resolve through the embedded resolver, which must be installed before the first XFont.
        EmbeddedFontResolver.EnsureInstalled();
        _body = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Regular);
        _bold = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold);
        _small = new XFont(EmbeddedFontResolver.Family, 8, XFontStyleEx.Regular);
        _document.Info.Title = title;
        _document.Info.Creator = "BackOffice";
        NewPage();
    }

    private double Width => _page.Width.Point - (2 * Margin);

    public void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.Letter;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    public void Title(string text) => Text(text, new XFont(EmbeddedFontResolver.Family, 16, XFontStyleEx.Bold), 22);

    public void Heading(string text)
    {
        Space(6);
        Ensure(40);
        Text(text, new XFont(EmbeddedFontResolver.Family, 12, XFontStyleEx.Bold), 16);
        _graphics.DrawLine(XPens.Gray, Margin, _y - 2, Margin + Width, _y - 2);
        Space(4);
    }

    public void Paragraph(string text, bool bold = false) => Text(text, bold ? _bold : _body, 13);

    public void Note(string text) => Text(text, _small, 10);

    /// <summary>
    /// A label and a line to write on, with the value already printed when known. A label longer than its column wraps
    /// within it (the line beside its last row), so it never runs over the line.
    /// </summary>
    public void Field(string label, string? value = null, double labelWidth = 210)
    {
        var lines = Wrap(label, _body, labelWidth - 8);
        Ensure(20 + (13 * (lines.Count - 1)));
        for (var i = 0; i < lines.Count - 1; i++)
        {
            _graphics.DrawString(lines[i], _body, XBrushes.Black, new XPoint(Margin, _y + 10));
            _y += 13;
        }

        _graphics.DrawString(lines[^1], _body, XBrushes.Black, new XPoint(Margin, _y + 10));
        _graphics.DrawLine(XPens.Black, Margin + labelWidth, _y + 12, Margin + Width, _y + 12);
        if (!string.IsNullOrEmpty(value))
            _graphics.DrawString(value, _bold, XBrushes.Black, new XPoint(Margin + labelWidth + 4, _y + 10));
        _y += 20;
    }

    public void CheckBox(string label, bool isChecked = false, double indent = 0)
    {
        var lines = Wrap(label, _body, Width - 18 - indent);
        Ensure(14 * lines.Count);
        _graphics.DrawRectangle(XPens.Black, Margin + indent, _y + 2, 9, 9);
        if (isChecked) _graphics.DrawString("X", _bold, XBrushes.Black, new XPoint(Margin + indent + 1.5, _y + 10));
        foreach (var line in lines)
        {
            _graphics.DrawString(line, _body, XBrushes.Black, new XPoint(Margin + indent + 16, _y + 10));
            _y += 14;
        }
    }

    /// <summary>Rows of description and amount (and an optional third column), amounts right-aligned.</summary>
    public void AmountRow(string description, string amount, string? detail = null, bool bold = false)
    {
        var font = bold ? _bold : _body;
        var lines = Wrap(description, font, Width * 0.55);
        var details = detail is null ? [] : Wrap(detail, _small, Width * 0.3);
        var height = Math.Max(lines.Count * 13, details.Count * 10) + 4;
        Ensure(height);
        for (var i = 0; i < lines.Count; i++)
            _graphics.DrawString(lines[i], font, XBrushes.Black, new XPoint(Margin, _y + 10 + (i * 13)));
        for (var i = 0; i < details.Count; i++)
            _graphics.DrawString(details[i], _small, XBrushes.DimGray, new XPoint(Margin + (Width * 0.57), _y + 10 + (i * 10)));
        _graphics.DrawString(amount, font, XBrushes.Black, new XRect(Margin, _y, Width, 13), XStringFormats.TopRight);
        _y += height;
    }

    public void Space(double points) => _y += points;

    public byte[] ToBytes()
    {
        _graphics.Dispose();
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    private void Text(string text, XFont font, double lineHeight)
    {
        foreach (var line in Wrap(text, font, Width))
        {
            Ensure(lineHeight);
            _graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + lineHeight - 3));
            _y += lineHeight;
        }
    }

    private void Ensure(double height)
    {
        if (_y + height > _page.Height.Point - Margin) NewPage();
    }

    private List<string> Wrap(string text, XFont font, double width) => TextWrap.Lines(_graphics, text, font, width);
}
