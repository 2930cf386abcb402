namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// Tells the requester exactly which items are missing (the request's missing elements, one per line), how to send
/// them, and the day the request is closed if nothing arrives (the lifecycle's 30-day timer).
/// </summary>
public static class MissingInformationLetterPdf
{
    public static byte[] Render(LetterContext context, DateOnly? closesOn)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var pdf = new LetterComposer($"Missing information {context.Request.TrackingNumber}");
        Write(pdf, context, closesOn);
        return pdf.ToBytes();
    }

    public static void Write(LetterComposer pdf, LetterContext context, DateOnly? closesOn)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var site = context.Site;
        Letter.Open(pdf, context, Addressee.Requester(request), "Information needed");
        pdf.Paragraph($"We received the request for the medical records of {request.Patient.FullName} on {context.Written(request.ReceivedOn)}. "
            + "Before we can send the records, we need the following:");
        pdf.Bullets(request.MissingElements.Count > 0 ? request.MissingElements : ["the items our staff will explain when you call"]);
        pdf.Heading("How to send it");
        pdf.Bullets(
        [
            $"By mail to {site.DepartmentName}, {site.MailingAddress}. Write the tracking number {request.TrackingNumber} on what you send.",
            $"If the authorization form itself needs correcting, fill in and sign a new Authorization for Release of Health Information: print it from {site.PublicBaseUrl.TrimEnd('/')}/request/paper-form or make a new request online.",
        ]);
        pdf.Paragraph(closesOn is { } day
            ? $"If we have not received it by {context.Written(day)}, we will close the request. You may send a new request at any time."
            : "If we do not hear from you within 30 days, we will close the request. You may send a new request at any time.");
        Letter.Close(pdf, context);
    }
}
