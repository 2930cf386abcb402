using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// Writes letters onto Letter pages of one PDF: the letterhead, the recipient block where a #10 window envelope shows
/// it, flowing paragraphs, lists and the invoice table. Many letters can share one document (the daily mailing batch),
/// so fonts are embedded once however many letters it holds.
/// </summary>
public sealed class LetterComposer : IDisposable
{
    public const double PageWidth = 612;   // 8.5 in
    public const double PageHeight = 792;  // 11 in
    private const double Margin = 54;      // 0.75 in
    private const double FooterY = PageHeight - 30;
    private const double Bottom = PageHeight - 54;

    // A letter folded in three for a #10 window envelope shows a block 1 in from the left and 2 in from the top,
    // about 4 in wide and 1 in high (the window is 4.5 in x 1.125 in, 7/8 in from the envelope's left edge).
    private const double AddressX = 72;
    private const double AddressTop = 144;
    private const double AddressWidth = 288;
    private const int AddressLines = 5;

    private readonly PdfDocument _document = new();
    private readonly XFont _heading;
    private readonly XFont _letterhead;
    private PdfPage? _page;
    private XGraphics? _graphics;
    private string _footer = "";
    private string? _continuation;
    private string _continued = "(continued)";
    private double _y;

    public LetterComposer(string title)
    {
        // The embedded resolver must be installed before the first XFont is made.
        EmbeddedFontResolver.EnsureInstalled();
        Body = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Regular);
        Bold = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold);
        Small = new XFont(EmbeddedFontResolver.Family, 8, XFontStyleEx.Regular);
        _heading = new XFont(EmbeddedFontResolver.Family, 12, XFontStyleEx.Bold);
        _letterhead = new XFont(EmbeddedFontResolver.Family, 13, XFontStyleEx.Bold);
        _document.Info.Title = title;
        _document.Info.Creator = "BackOffice";
    }

    public XFont Body { get; }
    public XFont Bold { get; }
    public XFont Small { get; }
    public int PageCount => _document.PageCount;
    public static double ContentWidth => PageWidth - (2 * Margin);
    public XGraphics Graphics => _graphics ?? throw new InvalidOperationException("Start a letter or a page first.");

    /// <summary>A new page with nothing on it (the address labels draw their own grid).</summary>
    public XGraphics BlankPage()
    {
        _footer = "";
        _continuation = null;
        AddPage();
        return Graphics;
    }

    /// <summary>
    /// Starts a letter on a new page: letterhead (name, department, address, phone and hours), the date, the
    /// recipient's block in the envelope window and the "Re:" line.
    /// </summary>
    /// <param name="continued">The mark after the subject atop a following page, in the letter's language.</param>
    public void BeginLetter(Letterhead head, string date, IReadOnlyList<string> recipient, string subject, string footer,
        string continued = "(continued)")
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(recipient);
        _footer = footer;
        _continued = continued;
        _continuation = null;
        AddPage();
        var g = Graphics;
        g.DrawString(head.Organisation, _letterhead, XBrushes.Black, new XPoint(Margin, 48));
        g.DrawString(date, Body, XBrushes.Black, new XRect(Margin, 38, ContentWidth, 14), XStringFormats.TopRight);
        var y = 62.0;
        foreach (var line in new[] { head.Department, head.Address, head.Contact })
        {
            g.DrawString(line, Small, XBrushes.DimGray, new XPoint(Margin, y));
            y += 10;
        }

        g.DrawLine(XPens.LightGray, Margin, y, Margin + ContentWidth, y);

        var lineY = AddressTop + 11;
        foreach (var line in recipient.Where(l => !string.IsNullOrWhiteSpace(l)).Take(AddressLines))
        {
            g.DrawString(Fit(line, Body, AddressWidth), Body, XBrushes.Black, new XPoint(AddressX, lineY));
            lineY += 13;
        }

        _y = 240;
        Paragraph(subject, bold: true);
        Space(6);
        _continuation = subject;
    }

    public void Heading(string text)
    {
        Space(6);
        Ensure(36);
        Line(text, _heading, 16);
        Graphics.DrawLine(XPens.Gray, Margin, _y - 1, Margin + ContentWidth, _y - 1);
        Space(4);
    }

    public void Paragraph(string text, bool bold = false)
    {
        Flow(text, bold ? Bold : Body, 13.5, indent: 0);
        Space(5);
    }

    public void Note(string text)
    {
        Flow(text, Small, 10, indent: 0);
        Space(3);
    }

    public void Bullets(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            Ensure(14);
            Graphics.DrawString("•", Body, XBrushes.Black, new XPoint(Margin + 6, _y + 10.5));
            Flow(item, Body, 13.5, indent: 18);
        }

        Space(5);
    }

    /// <summary>A label and its value on one line, e.g. "Invoice date" / "March 3, 2026".</summary>
    public void Pair(string label, string value, bool bold = false)
    {
        Ensure(14);
        Graphics.DrawString(label, Body, XBrushes.Black, new XPoint(Margin, _y + 10.5));
        var lines = Wrap(value, bold ? Bold : Body, ContentWidth - 150);
        foreach (var line in lines)
        {
            Ensure(14);
            Graphics.DrawString(line, bold ? Bold : Body, XBrushes.Black, new XPoint(Margin + 150, _y + 10.5));
            _y += 14;
        }
    }

    /// <summary>One row of a table whose columns end at the given right edges (text right-aligned, the first left-aligned and wrapped).</summary>
    public void Row(IReadOnlyList<string> cells, IReadOnlyList<double> rightEdges, bool bold = false, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(rightEdges);
        var font = bold ? Bold : Body;
        var first = Wrap(cells[0], font, rightEdges[0] - 6);
        var details = detail is null ? [] : Wrap(detail, Small, ContentWidth - 8);
        Ensure((first.Count * 13) + (details.Count * 10) + 4);
        var g = Graphics;
        var top = _y;
        // Drawn in reading order (description, then the figures, then the basis), so the text reads back as a row.
        foreach (var line in first)
        {
            g.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + 10));
            _y += 13;
        }

        for (var i = 1; i < cells.Count; i++)
            g.DrawString(cells[i], font, XBrushes.Black, new XRect(Margin, top, rightEdges[i], 13), XStringFormats.TopRight);
        foreach (var line in details)
        {
            g.DrawString(line, Small, XBrushes.DimGray, new XPoint(Margin + 8, _y + 8));
            _y += 10;
        }

        _y += 4;
    }

    public void Rule()
    {
        Ensure(4);
        Graphics.DrawLine(XPens.Gray, Margin, _y, Margin + ContentWidth, _y);
        _y += 4;
    }

    public void Space(double points) => _y += points;

    /// <summary>Keeps the next block together: starts a new page unless <paramref name="points"/> still fit.</summary>
    public void KeepTogether(double points) => Ensure(points);

    public void Save(Stream stream)
    {
        _graphics?.Dispose();
        _graphics = null;
        _document.Save(stream, closeStream: false);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    /// <summary>The text cut to fit <paramref name="width"/>, with an ellipsis when it was cut.</summary>
    public string Fit(string text, XFont font, double width)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Graphics.MeasureString(text, font).Width <= width) return text;
        var cut = text;
        while (cut.Length > 1 && Graphics.MeasureString(cut + "…", font).Width > width) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }

    private void AddPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.Letter;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
        if (_footer.Length > 0)
            _graphics.DrawString(_footer, Small, XBrushes.DimGray, new XRect(Margin, FooterY, ContentWidth, 10), XStringFormats.TopCenter);
        if (_continuation is not null)
        {
            _graphics.DrawString(_continuation + " " + _continued, Small, XBrushes.DimGray, new XPoint(Margin, 40));
            _y = Margin + 6;
        }
    }

    private void Ensure(double height)
    {
        if (_y + height > Bottom) AddPage();
    }

    private void Line(string text, XFont font, double lineHeight)
    {
        Graphics.DrawString(text, font, XBrushes.Black, new XPoint(Margin, _y + lineHeight - 3.5));
        _y += lineHeight;
    }

    private void Flow(string text, XFont font, double lineHeight, double indent)
    {
        foreach (var line in Wrap(text, font, ContentWidth - indent))
        {
            Ensure(lineHeight);
            Graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y + lineHeight - 3.5));
            _y += lineHeight;
        }
    }

    private List<string> Wrap(string text, XFont font, double width) => TextWrap.Lines(Graphics, text, font, width);
}

/// <summary>The department's letterhead lines.</summary>
public sealed record Letterhead(string Organisation, string Department, string Address, string Contact);
