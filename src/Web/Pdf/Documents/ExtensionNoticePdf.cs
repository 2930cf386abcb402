namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// The written notice of the one extension 45 CFR 164.524(b)(2)(iii) allows: given within the first 30 days, with the
/// reason for the delay and the date by which the department will act.
/// </summary>
public static class ExtensionNoticePdf
{
    public static byte[] Render(LetterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var pdf = new LetterComposer($"Extension notice {context.Request.TrackingNumber}");
        Write(pdf, context);
        return pdf.ToBytes();
    }

    public static void Write(LetterComposer pdf, LetterContext context)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        Letter.Open(pdf, context, Addressee.Requester(request), context.T("Extension.Subject"));
        pdf.Paragraph(context.T("Extension.Received", request.Patient.FullName, context.Written(request.ReceivedOn), context.Written(request.DueOn)));
        pdf.Bullets([request.ExtensionReason ?? context.T("Letter.StaffWillExplain")]);
        pdf.Paragraph(context.T("Extension.RespondBy", context.Written(request.EffectiveDueOn)), bold: true);
        pdf.Paragraph(context.T("Extension.OneExtension"));
        Letter.Close(pdf, context);
    }
}
