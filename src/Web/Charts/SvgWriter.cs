using System.Globalization;
using System.Text;

namespace BackOffice.Web.Charts;

/// <summary>
/// Builds one SVG document as text. Every piece of text goes through <see cref="SvgMarkup.Escape"/>, so a label such
/// as "A &lt;&amp; B" stays text and the result is well-formed XML that can be inlined into the page as it is.
/// </summary>
internal sealed class SvgWriter
{
    private static string Escape(string? text) => SvgMarkup.Escape(text);

    private static string N(double value) => SvgMarkup.N(value);

    public const string Ink = "#1b1f24";
    public const string Muted = "#4a5562";
    public const string Grid = "#d0d7de";
    public const string Font = "system-ui, -apple-system, 'Segoe UI', sans-serif";

    /// <summary>Colours that keep 3:1 contrast against white and stay apart for the common colour-vision deficiencies.</summary>
    public static readonly string[] Palette = ["#0b5cad", "#b35900", "#1b7f4c", "#8e3b8e", "#5a6570", "#a3262a"];

    private readonly StringBuilder _svg = new();

    public SvgWriter(double width, double height, string title, string description)
    {
        var label = string.IsNullOrWhiteSpace(description) ? title : $"{title}. {description}";
        _svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dashboard-chart\" viewBox=\"0 0 {N(width)} {N(height)}\" ")
            .Append(CultureInfo.InvariantCulture, $"role=\"img\" aria-label=\"{Escape(label)}\" font-family=\"{Font}\" font-size=\"12\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)}</title>");
        if (!string.IsNullOrWhiteSpace(description)) _svg.Append(CultureInfo.InvariantCulture, $"<desc>{Escape(description)}</desc>");
    }

    /// <summary>A rectangle; <paramref name="tooltip"/> becomes its own title (shown on hover).</summary>
    public SvgWriter Rect(double x, double y, double width, double height, string fill, string? tooltip = null, string? stroke = null)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, width))}\" height=\"{N(Math.Max(0, height))}\" fill=\"{fill}\"");
        if (stroke is not null) _svg.Append(CultureInfo.InvariantCulture, $" stroke=\"{stroke}\" stroke-width=\"1\"");
        if (tooltip is null) _svg.Append("/>");
        else _svg.Append(CultureInfo.InvariantCulture, $"><title>{Escape(tooltip)}</title></rect>");
        return this;
    }

    public SvgWriter Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _svg.Append(CultureInfo.InvariantCulture,
            $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
        if (dash is not null) _svg.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\"");
        _svg.Append("/>");
        return this;
    }

    /// <param name="anchor">start, middle or end.</param>
    public SvgWriter Text(double x, double y, string text, string anchor = "start", string fill = Ink, string? weight = null)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"");
        if (weight is not null) _svg.Append(CultureInfo.InvariantCulture, $" font-weight=\"{weight}\"");
        _svg.Append(CultureInfo.InvariantCulture, $">{Escape(text)}</text>");
        return this;
    }

    public override string ToString() => _svg.ToString() + "</svg>";
}
