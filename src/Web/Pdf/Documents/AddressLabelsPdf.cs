using PdfSharp.Drawing;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// Address labels on Avery 5160 sheets (and their equivalents): Letter paper, 3 columns by 10 rows of 2.625 in × 1 in
/// labels, 0.5 in top margin, 0.1875 in side margins, 0.125 in between columns. Print at actual size.
/// </summary>
public static class AddressLabelsPdf
{
    public const int Columns = 3;
    public const int Rows = 10;
    public const int PerSheet = Columns * Rows;
    private const double Top = 36;
    private const double Left = 13.5;
    private const double LabelWidth = 189;
    private const double LabelHeight = 72;
    private const double ColumnPitch = 198;
    private const double Padding = 10;
    private const double Leading = 10.5;
    private const int MaxLines = 5;

    public static void Write(LetterComposer pdf, IEnumerable<IReadOnlyList<string>> labels)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(labels);
        var font = new XFont(EmbeddedFontResolver.Family, 9, XFontStyleEx.Regular);
        var index = 0;
        XGraphics? page = null;
        foreach (var label in labels)
        {
            var slot = index % PerSheet;
            if (slot == 0) page = pdf.BlankPage();
            var x = Left + (slot % Columns * ColumnPitch) + Padding;
            var lines = label.Where(l => !string.IsNullOrWhiteSpace(l)).Take(MaxLines).ToList();
            // Vertically centred in the label, so a short address does not hug the top edge.
            var y = Top + (slot / Columns * LabelHeight) + ((LabelHeight - (lines.Count * Leading)) / 2) + Leading - 2.5;
            foreach (var line in lines)
            {
                page!.DrawString(pdf.Fit(line, font, LabelWidth - (2 * Padding)), font, XBrushes.Black, new XPoint(x, y));
                y += Leading;
            }

            index++;
        }
    }
}
