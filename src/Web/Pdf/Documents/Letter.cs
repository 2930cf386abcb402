using BackOffice.Web.Site;

namespace BackOffice.Web.Pdf.Documents;

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
