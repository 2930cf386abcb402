using System.Net;
using System.Text;

namespace BackOffice.Web.EmailContent;

/// <summary>
/// The values a message template may use, by placeholder name. A plain value is HTML-encoded in .html templates and
/// left as it is in .txt templates; a list or a table is laid out for each (bullet lines or &lt;ul&gt;, aligned
/// columns or &lt;table&gt;) with every item encoded, so no value can add markup of its own.
/// </summary>
public sealed class MessageValues
{
    private readonly Dictionary<string, MessageValue> _values = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _values.Keys;

    public MessageValues Set(string name, string? value)
    {
        _values[name] = new PlainValue(value ?? "");
        return this;
    }

    public MessageValues SetList(string name, IEnumerable<string> items)
    {
        _values[name] = new ListValue([.. items]);
        return this;
    }

    public MessageValues SetTable(string name, IReadOnlyList<string> headers, IEnumerable<MessageTableRow> rows)
    {
        _values[name] = new TableValue(headers, [.. rows]);
        return this;
    }

    internal bool TryGet(string name, out MessageValue value) => _values.TryGetValue(name, out value!);

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}

internal abstract record MessageValue
{
    public abstract string AsText();

    public abstract string AsHtml();
}

internal sealed record PlainValue(string Value) : MessageValue
{
    public override string AsText() => Value;

    public override string AsHtml() => MessageValues.Encode(Value);
}

internal sealed record ListValue(IReadOnlyList<string> Items) : MessageValue
{
    public override string AsText() => string.Join('\n', Items.Select(i => "  - " + i));

    public override string AsHtml() => "<ul>" + string.Concat(Items.Select(i => "<li>" + MessageValues.Encode(i) + "</li>")) + "</ul>";
}

internal sealed record TableValue(IReadOnlyList<string> Headers, IReadOnlyList<MessageTableRow> Rows) : MessageValue
{
    public override string AsText()
    {
        var widths = Headers.Select((h, i) => Rows.Select(r => Cell(r, i).Length).Prepend(h.Length).Max()).ToList();
        string Line(IEnumerable<string> cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        var text = new StringBuilder();
        text.Append(Line(Headers)).Append('\n');
        text.Append(Line(widths.Select(w => new string('-', w))));
        foreach (var row in Rows) text.Append('\n').Append(Line(Headers.Select((_, i) => Cell(row, i))));
        return text.ToString();
    }

    public override string AsHtml()
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var header in Headers) html.Append("<th scope=\"col\">").Append(MessageValues.Encode(header)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < Headers.Count; i++)
            {
                var cell = MessageValues.Encode(Cell(row, i));
                html.Append("<td>");
                if (i == 0 && row.Link is not null) html.Append("<a href=\"").Append(MessageValues.Encode(row.Link)).Append("\">").Append(cell).Append("</a>");
                else html.Append(cell);
                html.Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Cell(MessageTableRow row, int index) => index < row.Cells.Count ? row.Cells[index] : "";
}
