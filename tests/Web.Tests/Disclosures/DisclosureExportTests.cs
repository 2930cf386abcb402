using System.Globalization;
using System.Net;
using System.Text;
using BackOffice.Web.Pages.Staff.Disclosures;
using BackOffice.Web.Pdf;
using BackOffice.Web.Site;
using BackOffice.Web.Tests.Support;
using BackOffice.Workflows.Disclosures;
using BackOffice.Workflows.Time;
using UglyToad.PdfPig;

namespace BackOffice.Web.Tests.Disclosures;

public sealed class DisclosureExportTests(DisclosuresApp app) : IClassFixture<DisclosuresApp>
{
    private static string Day(DateOnly day) => day.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Csv_ReadsBack_WithBom_Header_Quoting_AndFormulasDisarmed()
    {
        var last = DisclosuresApp.NewLastName();
        var request = await app.ReleasedToThePatientAsync(last, daysAgo: 2);
        await app.RecordAsync(last,
            d => d with { RecipientName = "=HYPERLINK(\"http://evil.example\",\"click\")", Description = "Labs, imaging \"summary\"\nand notes" },
            d => d with { RecipientName = "@SUM(A1)", Description = "-2+3", RecipientAddress = null, DisclosedOn = app.Today.AddDays(-5) });
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var response = await clerk.PostFormAsync(DisclosuresApp.Path, DisclosuresApp.Search(last, "All"), DisclosuresApp.Path + "?handler=Csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var fileName = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        fileName.ShouldBe($"accounting-of-disclosures-{app.Today:yyyy-MM-dd}.csv");
        fileName.ShouldNotContain(last);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldEndWith("\r\n");

        var rows = ParseCsv(text);
        rows[0].ShouldBe(DisclosureCsv.Header);
        rows.Count.ShouldBe(4);
        rows[1].ShouldBe([
            app.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "'=HYPERLINK(\"http://evil.example\",\"click\")", "111 N County Farm Rd, Wheaton, IL 60187",
            "Labs, imaging \"summary\"\nand notes", "Public health reporting (164.512(b)): reportable disease report", "Fax", "", "Yes"]);
        rows[2][0].ShouldBe(app.Today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        rows[2][6].ShouldBe(request.TrackingNumber);
        rows[2][7].ShouldBe("No");
        rows[3][1].ShouldBe("'@SUM(A1)");
        rows[3][2].ShouldBe("");
        rows[3][3].ShouldBe("'-2+3");
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("plain", "plain")]
    [InlineData("1-2", "1-2")]
    public void CsvCell_QuotesAndPrefixes(string value, string cell) => DisclosureCsv.Cell(value).ShouldBe(cell);

    [Fact]
    public async Task Pdf_ListsSixtyEntries_AcrossPages_WithTheHeaderOnEachPage_AndTheCount()
    {
        var last = DisclosuresApp.NewLastName();
        await app.RecordAsync(last, [.. Enumerable.Range(1, 60).Select(i => (Func<AccountableDisclosureDraft, AccountableDisclosureDraft>)(d => d with
        {
            RecipientName = $"Recipient{i:00} Agency",
            DisclosedOn = app.Today.AddDays(-i),
            PurposeDetail = $"report number {i}",
        }))]);
        await app.ReleasedToThePatientAsync(last, daysAgo: 1);
        using var clerk = await app.Factory.SignedInAsync("clerk");

        var response = await clerk.PostFormAsync(DisclosuresApp.Path, DisclosuresApp.Search(last), DisclosuresApp.Path + "?handler=Pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"accounting-of-disclosures-{app.Today:yyyy-MM-dd}.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        File.Exists(await Artifacts.RenderFirstPageAsync(pdf, "accounting-of-disclosures")).ShouldBeTrue();
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
        pages.Count.ShouldBeGreaterThan(1);
        var all = string.Join(' ', pages);
        pages[0].ShouldContain("Medical Records (Record Connect)");
        pages[0].ShouldContain("Accounting of Disclosures");
        pages[0].ShouldContain($"Patient: Maria {last} Date of birth: 04/15/1980");
        pages[0].ShouldContain($"Period covered: {Day(app.Today.AddYears(-6))} to {Day(app.Today)}");
        pages[0].ShouldContain("1 disclosure to the patient or under the patient's authorization");
        pages[0].ShouldContain("free of charge in any 12-month period");
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain("Date Recipient and address Description Purpose Method", customMessage: $"header on page {i + 1}");
            pages[i].ShouldContain($"Page {i + 1} of {pages.Count}");
        }

        pages[1].ShouldContain($"Maria {last}, born 04/15/1980 (continued)");
        foreach (var i in new[] { 1, 30, 60 })
        {
            all.ShouldContain($"Recipient{i:00} Agency");
            all.ShouldContain($"report number {i}");
            all.ShouldContain(Day(app.Today.AddDays(-i)));
        }

        all.ShouldContain("Public health reporting (164.512(b)):");
        all.ShouldContain("111 N County Farm Rd,"); // the address wraps in its column: its words, not one line
        all.ShouldContain("60187");
        all.ShouldContain("Entries: 60.");
        all.ShouldNotContain("12 Elm St"); // the exempt release to the patient is not in the Required view
    }

    [Fact]
    public async Task Pdf_WrapsLongAddressesAndDescriptions_InsideTheirColumns()
    {
        var longWords = string.Join(' ', Enumerable.Repeat("hospitalisation-discharge-summary", 30));
        var unbroken = new string('X', 150);
        var entry = new AccountingEntry(Guid.NewGuid(), DateTimeOffset.UtcNow, new DateOnly(2026, 3, 1), "A recipient with a long name " + unbroken,
            "Suite 400, 1234 Very Long Boulevard Name, Building C, Floor 12, Springfield, IL 62701-1234, attention records desk",
            longWords, "Health oversight (164.512(d)): audit", "Fax", Guid.NewGuid(), "K7QM-4XPD-9RTA", false);
        var report = new DisclosureAccountingReport(PatientIdentity.Create("Nowak", "Zoë", new DateOnly(1985, 7, 9)), "Zoë Nowak",
            new DateOnly(1985, 7, 9), new DateOnly(2020, 3, 2), new DateOnly(2026, 3, 2), AccountingView.All, [entry], 0, 1, entry.RequestId, DateTimeOffset.UtcNow);

        var pdf = DisclosureAccountingPdf.Render(new SiteOptions(), report, new DepartmentClock(TimeProvider.System, "America/Chicago"));
        await Artifacts.RenderFirstPageAsync(pdf, "accounting-of-disclosures-long-text");

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        var words = pages.SelectMany(p => p.GetWords()).ToList();
        foreach (var page in pages)
            page.GetWords().ShouldAllBe(w => w.BoundingBox.Left >= 53 && w.BoundingBox.Right <= page.Width - 53);
        var texts = words.Select(w => w.Text).ToHashSet(StringComparer.Ordinal);
        texts.ShouldContain("Zoë");
        texts.ShouldContain("K7QM-4XPD-9RTA");
        texts.ShouldContain("Exempt");
        // The address wraps under the recipient's name, inside the recipient column (x 114–264).
        var address = words.Where(w => w.Text is "Boulevard" or "attention" or "desk").ToList();
        address.Count.ShouldBe(3);
        address.ShouldAllBe(w => w.BoundingBox.Left >= 54 + 60 && w.BoundingBox.Right <= 54 + 60 + 150);
        // A word wider than its column is broken, nothing lost; a row taller than the room left continues overleaf.
        string.Concat(words.Where(w => w.Text.All(c => c == 'X')).Select(w => w.Text)).Length.ShouldBe(150);
        words.Count(w => w.Text.Contains("hospitalisation-discharge-summary", StringComparison.Ordinal)).ShouldBe(30);
        pages.Count.ShouldBe(2);
        var overleaf = string.Join(' ', pages[1].GetWords().Select(w => w.Text));
        overleaf.ShouldContain("(continued)");
        overleaf.ShouldContain("Recipient and address");
        overleaf.ShouldContain("hospitalisation-discharge-summary");
        overleaf.ShouldContain("Page 2 of 2");
    }

    /// <summary>RFC 4180 read back: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else cell.Append(c);
        }

        return rows;
    }
}
