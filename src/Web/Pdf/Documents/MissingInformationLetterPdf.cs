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
        Letter.Open(pdf, context, Addressee.Requester(request), context.T("Missing.Subject"));
        pdf.Paragraph(context.T("Missing.Received", request.Patient.FullName, context.Written(request.ReceivedOn)));
        pdf.Bullets(request.MissingElements.Count > 0
            ? [.. request.MissingElements.Select(context.Rule)]
            : [context.T("Missing.StaffWillExplain")]);
        pdf.Heading(context.T("Missing.HowToSend"));
        pdf.Bullets(
        [
            context.T("Missing.ByMail", site.DepartmentName, site.MailingAddress, request.TrackingNumber),
            context.T("Missing.NewForm", site.PublicBaseUrl.TrimEnd('/') + Pages.Request.PaperFormModel.PathFor(context.Language)),
        ]);
        pdf.Paragraph(closesOn is { } day ? context.T("Missing.ClosesOn", context.Written(day)) : context.T("Missing.Closes30Days"));
        Letter.Close(pdf, context);
    }
}
