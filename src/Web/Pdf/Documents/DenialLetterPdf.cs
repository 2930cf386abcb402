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
        var office = $"the {site.PrivacyOfficeName}, {site.OrganisationName}, {site.MailingAddress}";
        Letter.Open(pdf, context, Addressee.Requester(request), "Your request for medical records is denied");
        pdf.Paragraph($"We reviewed the request for the medical records of {request.Patient.FullName} that we received on "
            + $"{context.Written(request.ReceivedOn)}. We cannot provide the records asked for, for this reason:");
        pdf.Bullets([request.DenialBasis ?? "the reason our staff will explain when you call"]);
        pdf.Paragraph("If only part of the records is covered by this reason, you may ask for the rest and we will provide it.");

        pdf.Heading(request.DenialReviewable == true ? "Your right to a review" : "Review");
        if (request.DenialReviewable == true)
        {
            pdf.Paragraph("You have the right to have this denial reviewed by a licensed health care professional, chosen by us, who "
                + "did not take part in the original decision (45 CFR 164.524(a)(3) and (d)(4)). To ask for a review, write to "
                + $"{office}, or call {site.QuestionsPhone}. We will send you the reviewer's decision in writing and follow it.");
        }
        else
        {
            pdf.Paragraph("The law does not provide for a review of a denial on this ground (45 CFR 164.524(a)(1) and (a)(2)). "
                + "You may still complain, as described below.");
        }

        pdf.Heading("How to complain");
        pdf.Bullets(
        [
            $"To us: write to {office}, or call {site.QuestionsPhone}, {site.QuestionsHours}.",
            $"To the federal government: {site.OcrComplaintContact}.",
        ]);
        pdf.Paragraph("We will not hold a complaint against you.");
        Letter.Close(pdf, context);
    }
}
