using PdfSharp.Drawing;

namespace BackOffice.Web.Pdf;

/// <summary>Breaks text into lines that fit a width when drawn in a font: at spaces, on new lines, and inside a word
/// wider than the width (a long reference or an address without spaces), so nothing runs off the page.</summary>
public static class TextWrap
{
    public static List<string> Lines(XGraphics graphics, string text, XFont font, double width)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(w => Pieces(graphics, w, font, width)))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    private static IEnumerable<string> Pieces(XGraphics graphics, string word, XFont font, double width)
    {
        var rest = word;
        while (graphics.MeasureString(rest, font).Width > width && rest.Length > 1)
        {
            var take = rest.Length - 1;
            while (take > 1 && graphics.MeasureString(rest[..take], font).Width > width) take--;
            yield return rest[..take];
            rest = rest[take..];
        }

        yield return rest;
    }
}
