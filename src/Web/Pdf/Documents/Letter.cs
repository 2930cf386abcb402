namespace BackOffice.Web.Pdf.Documents;

/// <summary>The parts every letter shares: the opening (letterhead, date, address block, "Re:" line, salutation) and the closing.</summary>
public static class Letter
{
    /// <summary>The letterhead in the letter's language.</summary>
    public static Letterhead HeadOf(LetterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var site = context.Site;
        return new Letterhead(site.OrganisationName, site.DepartmentName, site.MailingAddress,
            context.T("Letter.Contact", site.QuestionsPhone, site.QuestionsHours));
    }

    /// <summary>"Re: Request K7QM-4XPD-9RTA, patient Maria Lopez" and "Dear …," — the tracking number and the patient's name only.</summary>
    public static void Open(LetterComposer pdf, LetterContext context, Addressee to, string subject, bool salutation = true)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(to);
        var request = context.Request;
        pdf.BeginLetter(HeadOf(context), context.Written(context.Date), to.Lines,
            context.T("Letter.Re", subject, request.TrackingNumber, request.Patient.FullName),
            context.T("Letter.Footer", context.Site.OrganisationName, context.Site.DepartmentName, request.TrackingNumber),
            context.T("Letter.Continued"));
        if (salutation) pdf.Paragraph(context.T("Letter.Dear", to.Name));
    }

    public static void Close(LetterComposer pdf, LetterContext context, bool signOff = true)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(context);
        pdf.Paragraph(context.Questions);
        if (!signOff) return;
        pdf.KeepTogether(60);
        pdf.Space(6);
        pdf.Paragraph(context.T("Letter.Sincerely"));
        pdf.Paragraph($"{context.Site.DepartmentName}\n{context.Site.OrganisationName}");
    }
}
