namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// The written denial 45 CFR 164.524(d)(2) requires, in plain language: the basis; for a reviewable ground the right to
/// have it reviewed by a licensed health care professional who took no part in the decision ((a)(3), (d)(4)) and how;
/// for an unreviewable one that the law gives no review; and how to complain to the department and to HHS.
/// </summary>
public static class DenialLetterPdf
{
    public static byte[] Render(LetterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var pdf = new LetterComposer($"Denial {context.Request.TrackingNumber}");
        Write(pdf, context);
        return pdf.ToBytes();
    }

    public static void Write(LetterComposer pdf, LetterContext context)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var site = context.Site;
        var office = context.T("Denial.Office", site.PrivacyOfficeName, site.OrganisationName, site.MailingAddress);
        Letter.Open(pdf, context, Addressee.Requester(request), context.T("Denial.Subject"));
        pdf.Paragraph(context.T("Denial.Reviewed", request.Patient.FullName, context.Written(request.ReceivedOn)));
        pdf.Bullets([request.DenialBasis ?? context.T("Letter.StaffWillExplain")]);
        pdf.Paragraph(context.T("Denial.PartOnly"));

        pdf.Heading(context.T(request.DenialReviewable == true ? "Denial.RightToReview" : "Denial.Review"));
        pdf.Paragraph(request.DenialReviewable == true
            ? context.T("Denial.Reviewable", office, site.QuestionsPhone)
            : context.T("Denial.NotReviewable"));

        pdf.Heading(context.T("Denial.HowToComplain"));
        pdf.Bullets(
        [
            context.T("Denial.ComplainToUs", office, site.QuestionsPhone, site.QuestionsHours),
            context.T("Denial.ComplainToGovernment", site.OcrComplaintContact),
        ]);
        pdf.Paragraph(context.T("Denial.NoRetaliation"));
        Letter.Close(pdf, context);
    }
}
