using System.Globalization;
using BackOffice.Web.Labels;
using BackOffice.Web.Site;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Time;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace BackOffice.Web.Pdf;

/// <summary>
/// The accounting of disclosures for one patient (45 CFR 164.528) as a landscape Letter PDF: the department, the
/// patient, the period, the view, then one table row per disclosure (date, recipient and address, what, why, how),
/// the table's header repeated on every page, and "Page n of m" at the foot of each page. Long text wraps inside its
/// column; a word longer than the column is broken.
/// </summary>
public static class DisclosureAccountingPdf
{
    public const string ContentType = "application/pdf";

    public static string FileName(DateOnly today) =>
        $"accounting-of-disclosures-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf";

    public static byte[] Render(SiteOptions site, DisclosureAccountingReport report, DepartmentClock clock)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(clock);
        using var sheet = new TableSheet("Accounting of Disclosures", Columns(report.View));
        var patient = report.PatientName ?? "(name not on record)";
        var born = report.PatientDateOfBirth is { } dob ? Date(dob) : "not on record";
        var generated = clock.Local(report.GeneratedAt);

        sheet.Line($"{site.OrganisationName} — {site.DepartmentName}", sheet.Bold);
        sheet.Line(site.MailingAddress, sheet.Small);
        sheet.Space(6);
        sheet.Line("Accounting of Disclosures", sheet.Title, 22);
        sheet.Space(2);
        sheet.Line($"Patient: {patient}    Date of birth: {born}", sheet.Bold);
        sheet.Line($"Period covered: {Date(report.From)} to {Date(report.To)} (six years)");
        sheet.Line(report.View == AccountingView.Required
            ? $"View: disclosures required in an accounting (45 CFR 164.528). {Count(report.HiddenCount, "disclosure")} to the patient or under the patient's authorization, which the law exempts, {(report.HiddenCount == 1 ? "is" : "are")} not listed."
            : "View: all disclosures logged, including those to the patient or under the patient's authorization, which the law exempts from the accounting.");
        sheet.Line($"Generated: {generated.ToString("MM/dd/yyyy h:mm tt", CultureInfo.InvariantCulture)} ({clock.Zone.Id})");
        sheet.Space(4);
        sheet.Line("You may receive one accounting of disclosures free of charge in any 12-month period. For another accounting "
            + "within 12 months a reasonable, cost-based fee may be charged; you will be told the fee first and may withdraw "
            + "or change your request.", sheet.Small, 10);
        sheet.Space(8);

        sheet.StartTable($"Accounting of Disclosures — {patient}, born {born} (continued)");
        foreach (var entry in report.Entries) sheet.Row(Cells(entry, report.View));
        sheet.EndTable();
        sheet.Space(6);
        sheet.Line(report.Entries.Count == 0
            ? "Entries: 0. No disclosures were logged for this patient in the period covered."
            : $"Entries: {report.Entries.Count}.", sheet.Bold);
        return sheet.ToBytes($"Accounting of Disclosures — generated {generated.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture)}");
    }

    private static Column[] Columns(AccountingView view) => view == AccountingView.All
        ?
        [
            new("Date", 60), new("Recipient and address", 150), new("Description", 160), new("Purpose", 150),
            new("Method", 104), new("In accounting", 60),
        ]
        :
        [
            new("Date", 62), new("Recipient and address", 164), new("Description", 176), new("Purpose", 166), new("Method", 116),
        ];

    private static string[] Cells(AccountingEntry entry, AccountingView view)
    {
        var recipient = entry.RecipientAddress is null ? entry.RecipientName : $"{entry.RecipientName}\n{entry.RecipientAddress}";
        var method = entry.TrackingNumber is null
            ? DisclosureMethods.Describe(entry.Method)
            : $"{DisclosureMethods.Describe(entry.Method)}\nRequest {entry.TrackingNumber}";
        string[] cells = [Date(entry.DisclosedOn), recipient, PlainWords.DisclosureDescription(entry), PlainWords.DisclosurePurpose(entry), method];
        return view == AccountingView.All ? [.. cells, entry.RequiredInAccounting ? "Required" : "Exempt"] : cells;
    }

    private static string Date(DateOnly day) => day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private sealed record Column(string Title, double Width);

    /// <summary>Landscape Letter pages with text lines and one table whose header starts every page it runs onto.</summary>
    private sealed class TableSheet : IDisposable
    {
        private const double PageWidth = 792;
        private const double PageHeight = 612;
        private const double Margin = 54;
        private const double FooterSpace = 24;
        private const double CellPadding = 3;
        private const double CellLine = 10.5;

        private readonly PdfDocument _document = new();
        private readonly Column[] _columns;
        private readonly XFont _cell;
        private readonly XFont _header;
        private XGraphics _graphics = null!;
        private double _y;
        private string? _continued;
        private bool _inTable;
        private int _rowsOnPage;
        private double _continuationTop;

        public TableSheet(string title, Column[] columns)
        {
            EmbeddedFontResolver.EnsureInstalled();
            _columns = columns;
            Body = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Regular);
            Bold = new XFont(EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold);
            Small = new XFont(EmbeddedFontResolver.Family, 8, XFontStyleEx.Regular);
            Title = new XFont(EmbeddedFontResolver.Family, 16, XFontStyleEx.Bold);
            _cell = new XFont(EmbeddedFontResolver.Family, 8.5, XFontStyleEx.Regular);
            _header = new XFont(EmbeddedFontResolver.Family, 8.5, XFontStyleEx.Bold);
            _document.Info.Title = title;
            _document.Info.Creator = "BackOffice";
            NewPage();
        }

        public XFont Body { get; }
        public XFont Bold { get; }
        public XFont Small { get; }
        public XFont Title { get; }

        private static double ContentWidth => PageWidth - (2 * Margin);

        private static double Bottom => PageHeight - Margin - FooterSpace;

        public void Line(string text, XFont? font = null, double lineHeight = 13)
        {
            font ??= Body;
            foreach (var line in Wrap(text, font, ContentWidth))
            {
                if (_y + lineHeight > Bottom) NewPage();
                _graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + lineHeight - 3));
                _y += lineHeight;
            }
        }

        public void Space(double points) => _y += points;

        /// <summary>Starts the table here; on later pages <paramref name="continued"/> heads the page above the header.</summary>
        public void StartTable(string continued)
        {
            _continued = continued;
            _inTable = true;
            _continuationTop = Margin + 16 + HeaderHeight();
            if (_y + 60 > Bottom) NewPage();
            else DrawHeader();
        }

        public void EndTable() => _inTable = false;

        /// <summary>
        /// One row, whole on this page when it fits, else whole on the next; a row that would leave a page with
        /// only the header, or is taller than a page, continues onto the next page instead.
        /// </summary>
        public void Row(string[] cells)
        {
            var lines = cells.Select((text, i) => Wrap(text, _cell, _columns[i].Width - (2 * CellPadding))).ToList();
            var total = lines.Max(l => l.Count);
            var done = 0;
            while (done < total)
            {
                var remaining = total - done;
                var fits = LinesFitting(_y);
                if (remaining <= fits)
                {
                    DrawRow(lines, done, remaining);
                    return;
                }

                var wholeOnNextPage = done == 0 && _rowsOnPage > 0 && remaining <= LinesFitting(_continuationTop);
                if (!wholeOnNextPage && fits >= 2)
                {
                    DrawRow(lines, done, fits);
                    done += fits;
                }

                NewPage();
            }
        }

        private static int LinesFitting(double top) => (int)Math.Floor((Bottom - top - (2 * CellPadding)) / CellLine);

        private void DrawRow(List<List<string>> lines, int from, int count)
        {
            var x = Margin;
            for (var i = 0; i < _columns.Length; i++)
            {
                for (var j = 0; j < count && from + j < lines[i].Count; j++)
                {
                    var baseline = _y + CellPadding + ((j + 1) * CellLine) - 2.5;
                    _graphics.DrawString(lines[i][from + j], _cell, XBrushes.Black, new XPoint(x + CellPadding, baseline));
                }

                x += _columns[i].Width;
            }

            _y += (count * CellLine) + (2 * CellPadding);
            _rowsOnPage++;
            _graphics.DrawLine(XPens.LightGray, Margin, _y, Margin + ContentWidth, _y);
        }

        public byte[] ToBytes(string footer)
        {
            _graphics.Dispose();
            var count = _document.PageCount;
            for (var i = 0; i < count; i++)
            {
                using var graphics = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
                var baseline = PageHeight - Margin + 4;
                graphics.DrawLine(XPens.Gray, Margin, baseline - 12, Margin + ContentWidth, baseline - 12);
                graphics.DrawString(footer, Small, XBrushes.DimGray, new XPoint(Margin, baseline));
                graphics.DrawString($"Page {i + 1} of {count}", Small, XBrushes.DimGray,
                    new XRect(Margin, baseline - 8, ContentWidth, 10), XStringFormats.TopRight);
            }

            using var stream = new MemoryStream();
            _document.Save(stream, closeStream: false);
            return stream.ToArray();
        }

        public void Dispose()
        {
            _graphics?.Dispose();
            _document.Dispose();
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            _graphics = XGraphics.FromPdfPage(page);
            _y = Margin;
            _rowsOnPage = 0;
            if (_continued is null) return;
            // Keep in step with _continuationTop: 12 for this line, 4 of space.
            Line(_continued, Small, 12);
            Space(4);
            if (_inTable) DrawHeader();
        }

        private double HeaderHeight() =>
            (_columns.Max(c => Wrap(c.Title, _header, c.Width - (2 * CellPadding)).Count) * CellLine) + (2 * CellPadding);

        private void DrawHeader()
        {
            var lines = _columns.Select(c => Wrap(c.Title, _header, c.Width - (2 * CellPadding))).ToList();
            var height = HeaderHeight();
            _graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(230, 234, 238)), Margin, _y, ContentWidth, height);
            var x = Margin;
            for (var i = 0; i < _columns.Length; i++)
            {
                for (var j = 0; j < lines[i].Count; j++)
                    _graphics.DrawString(lines[i][j], _header, XBrushes.Black, new XPoint(x + CellPadding, _y + CellPadding + ((j + 1) * CellLine) - 2.5));
                x += _columns[i].Width;
            }

            _y += height;
            _graphics.DrawLine(XPens.Gray, Margin, _y, Margin + ContentWidth, _y);
        }

        private List<string> Wrap(string text, XFont font, double width) => TextWrap.Lines(_graphics, text, font, width);
    }
}
