using System.Globalization;
using BackOffice.Web.Portal;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// What every letter about a request needs: the site's words and contacts, the request as it is, the letter's date and
/// the department's clock (a payment's day is the department's day).
/// </summary>
public sealed record LetterContext(SiteOptions Site, RecordsRequest Request, DateOnly Date, DepartmentClock Clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public string Written(DateOnly day) => DateText.Written(day);

    public string Written(DateTimeOffset instant) => Clock.Written(instant);

    public static string Money(decimal amount) => amount.ToString("C", English);

    public string Questions => $"Questions? Call {Site.QuestionsPhone}, {Site.QuestionsHours}, and give the tracking number {Request.TrackingNumber}.";
}

/// <summary>The parts every letter shares: the opening (letterhead, date, address block, "Re:" line, salutation) and the closing.</summary>
public static class Letter
{
    public static Letterhead HeadOf(SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new Letterhead(site.OrganisationName, site.DepartmentName, site.MailingAddress,
            $"Questions: {site.QuestionsPhone}, {site.QuestionsHours}");
    }

    /// <summary>"Re: Request K7QM-4XPD-9RTA, patient Maria Lopez" and "Dear …," — the tracking number and the patient's name only.</summary>
    public static void Open(LetterComposer pdf, LetterContext context, Addressee to, string subject, bool salutation = true)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(to);
        var request = context.Request;
        pdf.BeginLetter(HeadOf(context.Site), context.Written(context.Date), to.Lines,
            $"Re: {subject} — request {request.TrackingNumber}, patient {request.Patient.FullName}",
            $"{context.Site.OrganisationName} · {context.Site.DepartmentName} · request {request.TrackingNumber}");
        if (salutation) pdf.Paragraph($"Dear {to.Name},");
    }

    public static void Close(LetterComposer pdf, LetterContext context, bool signOff = true)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(context);
        pdf.Paragraph(context.Questions);
        if (!signOff) return;
        pdf.KeepTogether(60);
        pdf.Space(6);
        pdf.Paragraph("Sincerely,");
        pdf.Paragraph($"{context.Site.DepartmentName}\n{context.Site.OrganisationName}");
    }
}

/// <summary>Who a letter goes to, as the lines of the address block.</summary>
public sealed record Addressee(string Name, IReadOnlyList<string> Lines)
{
    /// <summary>Where the records go: the "release to" of the form.</summary>
    public static Addressee Recipient(RecordsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipient = request.Recipient;
        return new Addressee(recipient.Name, [recipient.Name, recipient.Organisation ?? "", .. AddressLines(recipient.Address)]);
    }

    /// <summary>
    /// The person who asked (invoices and the letters about the request). The form holds no separate requester address:
    /// a patient gets it at their own address, a requester who is also the recipient at the recipient's, anyone else at
    /// the recipient's address when there is one and the patient's otherwise.
    /// </summary>
    public static Addressee Requester(RecordsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requester = request.Requester;
        var recipient = request.Recipient;
        var name = string.IsNullOrWhiteSpace(requester.Name) ? request.Patient.FullName : requester.Name;
        if (requester.Type == RequesterType.Patient && request.Patient.Address.IsComplete)
            return new Addressee(name, [name, .. AddressLines(request.Patient.Address)]);
        var recipientIsRequester = recipient.Type == requester.Type
            || string.Equals(recipient.Name.Trim(), requester.Name.Trim(), StringComparison.OrdinalIgnoreCase);
        var address = recipient.Address.IsComplete && (recipientIsRequester || !request.Patient.Address.IsComplete)
            ? recipient.Address
            : request.Patient.Address;
        return new Addressee(name, [name, requester.Organisation ?? "", .. AddressLines(address)]);
    }

    public static IReadOnlyList<string> AddressLines(PostalAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return [address.Line1, address.Line2 ?? "", $"{address.City}, {address.State} {address.PostalCode}".Trim(' ', ',')];
    }
}
