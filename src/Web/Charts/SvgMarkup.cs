using System.Globalization;
using System.Text;
using System.Xml;

namespace BackOffice.Web.Charts;

/// <summary>Text, number and scale helpers shared by the chart builders.</summary>
public static class SvgMarkup
{
    /// <summary>
    /// XML-escapes text for an element or a double-quoted attribute, and drops characters XML 1.0 cannot carry at all
    /// (control characters, lone surrogates), which would otherwise make the whole document unreadable.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }

            if (!XmlConvert.IsXmlChar(c)) continue;
            escaped.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A coordinate: invariant culture, at most one decimal.</summary>
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// A round top for the value axis and its step (1, 2, 2.5 or 5 times a power of ten), about <paramref name="ticks"/>
    /// steps high; counts never get fractional steps.
    /// </summary>
    public static (decimal Top, decimal Step) Scale(decimal max, ChartValueKind kind, int ticks = 4)
    {
        if (max <= 0) return (ticks, 1);
        var raw = (double)max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normal = raw / magnitude;
        var nice = normal <= 1 ? 1 : normal <= 2 ? 2 : normal <= 2.5 ? 2.5 : normal <= 5 ? 5 : 10;
        var step = (decimal)(nice * magnitude);
        if (kind != ChartValueKind.Currency) step = Math.Max(1, Math.Ceiling(step));
        return (Math.Ceiling(max / step) * step, step);
    }

    /// <summary>A short axis label for a value (no cents on the axis; the table has them).</summary>
    public static string AxisLabel(decimal value, ChartValueKind kind) => kind == ChartValueKind.Currency
        ? value.ToString("$#,0.##", CultureInfo.GetCultureInfo("en-US"))
        : value.ToString("#,0.##", CultureInfo.GetCultureInfo("en-US"));
}
