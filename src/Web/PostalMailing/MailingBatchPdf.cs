using BackOffice.Web.Localization;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.PostalMailing;

/// <summary>One request in a batch, and its invoice's terms when it had a fee (null when it had none).</summary>
public sealed record MailingItem(RecordsRequest Request, InvoiceTerms? Invoice);

/// <summary>
/// The day's mailing as one PDF to print: for each request its cover letter, then its invoice (with the payments and
/// the balance) when it had a fee; then sheets of address labels, one per envelope, in the same order. An envelope's
/// letters are in the language of the person it goes to (<see cref="MessageLanguage.ForRecipient"/>) when
/// the site in each language is given, English otherwise.
/// </summary>
public static class MailingBatchPdf
{
    public static void Write(Stream output, SiteOptions site, DateOnly day, DepartmentClock clock, IReadOnlyList<MailingItem> items,
        LocalizedSite? sites = null, LetterWords? words = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(items);
        using var pdf = new LetterComposer($"Mailing batch {DepartmentDay(day)}");
        foreach (var item in items)
        {
            var language = sites is null ? SiteLanguages.English : MessageLanguage.ForRecipient(item.Request);
            var context = new LetterContext(sites?.For(language) ?? site, item.Request, day, clock, language, words);
            CoverLetterPdf.Write(pdf, context);
            if (item.Invoice is not null) InvoicePdf.Write(pdf, context, item.Invoice);
        }

        AddressLabelsPdf.Write(pdf, items.Select(i => Addressee.Recipient(i.Request).Lines));
        pdf.Save(output);
    }

    public static byte[] Render(SiteOptions site, DateOnly day, DepartmentClock clock, IReadOnlyList<MailingItem> items,
        LocalizedSite? sites = null, LetterWords? words = null)
    {
        using var stream = new MemoryStream();
        Write(stream, site, day, clock, items, sites, words);
        return stream.ToArray();
    }

    private static string DepartmentDay(DateOnly day) => DateText.Written(day);
}
