using System.Globalization;
using System.Text;
using BackOffice.Web.Labels;
using BackOffice.Workflows.Disclosures;

namespace BackOffice.Web.Pages.Staff.Disclosures;

/// <summary>
/// The accounting as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break in
/// double quotes, quotes doubled), UTF-8 with a byte-order mark so spreadsheet programs read accents right. A cell a
/// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is prefixed with a single
/// quote: a recipient or description typed by someone else must never execute on the reader's machine.
/// </summary>
public static class DisclosureCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Header =
        ["Date disclosed", "Recipient", "Recipient address", "Description", "Purpose", "Method", "Tracking number", "Required in accounting"];

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>No patient name in it: the name would be left behind in download folders and browser histories.</summary>
    public static string FileName(DateOnly today) =>
        $"accounting-of-disclosures-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";

    public static byte[] Write(DisclosureAccountingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        AppendLine(text, Header);
        foreach (var entry in report.Entries)
        {
            AppendLine(text,
            [
                entry.DisclosedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                entry.RecipientName,
                entry.RecipientAddress,
                PlainWords.DisclosureDescription(entry),
                PlainWords.DisclosurePurpose(entry),
                DisclosureMethods.Describe(entry.Method),
                entry.TrackingNumber,
                entry.RequiredInAccounting ? "Yes" : "No",
            ]);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    public static string Cell(string? value)
    {
        var cell = value ?? "";
        if (cell.Length > 0 && FormulaStarts.Contains(cell[0])) cell = "'" + cell;
        return cell.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static void AppendLine(StringBuilder text, IEnumerable<string?> cells) =>
        text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
