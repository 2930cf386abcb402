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
        Letter.Open(pdf, context, Addressee.Requester(request), "We need more time");
        pdf.Paragraph($"We received the request for the medical records of {request.Patient.FullName} on {context.Written(request.ReceivedOn)} "
            + $"and were to respond by {context.Written(request.DueOn)}. We need more time, for this reason:");
        pdf.Bullets([request.ExtensionReason ?? "the reason our staff will explain when you call"]);
        pdf.Paragraph($"We will respond by {context.Written(request.EffectiveDueOn)}.", bold: true);
        pdf.Paragraph("The law allows one extension of up to 30 days, given in writing within the first 30 days after we receive a "
            + "request (45 CFR 164.524(b)(2)(iii)). We will not extend it again.");
        Letter.Close(pdf, context);
    }
}
