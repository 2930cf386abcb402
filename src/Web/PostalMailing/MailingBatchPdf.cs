using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.PostalMailing;

/// <summary>One request in a batch, and its invoice's terms when it had a fee (null when it had none).</summary>
public sealed record MailingItem(RecordsRequest Request, InvoiceTerms? Invoice);

/// <summary>
/// The day's mailing as one PDF to print: for each request its cover letter, then its invoice (with the payments and
/// the balance) when it had a fee; then sheets of address labels, one per envelope, in the same order.
/// </summary>
public static class MailingBatchPdf
{
    public static void Write(Stream output, SiteOptions site, DateOnly day, DepartmentClock clock, IReadOnlyList<MailingItem> items)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(items);
        using var pdf = new LetterComposer($"Mailing batch {DepartmentDay(day)}");
        foreach (var item in items)
        {
            var context = new LetterContext(site, item.Request, day, clock);
            CoverLetterPdf.Write(pdf, context);
            if (item.Invoice is not null) InvoicePdf.Write(pdf, context, item.Invoice);
        }

        AddressLabelsPdf.Write(pdf, items.Select(i => Addressee.Recipient(i.Request).Lines));
        pdf.Save(output);
    }

    public static byte[] Render(SiteOptions site, DateOnly day, DepartmentClock clock, IReadOnlyList<MailingItem> items)
    {
        using var stream = new MemoryStream();
        Write(stream, site, day, clock, items);
        return stream.ToArray();
    }

    private static string DepartmentDay(DateOnly day) => DateText.Written(day);
}
