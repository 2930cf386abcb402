using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// Tells the requester where to ask instead: the facility that holds the records (the request's redirect), and for
/// Edward-Elmhurst Healthcare (the excluded organisation) that the group cannot release its records at all.
/// </summary>
public static class RedirectLetterPdf
{
    public static byte[] Render(LetterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var pdf = new LetterComposer($"Where to ask {context.Request.TrackingNumber}");
        Write(pdf, context);
        return pdf.ToBytes();
    }

    public static void Write(LetterComposer pdf, LetterContext context)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var site = context.Site;
        Letter.Open(pdf, context, Addressee.Requester(request), context.T("Redirect.Subject"));
        pdf.Paragraph(context.T("Redirect.Received", request.Patient.FullName, context.Written(request.ReceivedOn), site.OrganisationName));
        var where = request.RedirectTo ?? request.OtherFacilityName;
        if (IsExcludedOrganisation(request, site.ExcludedOrganisationName, where))
            pdf.Paragraph(context.T("Redirect.Excluded", site.OrganisationName, site.ExcludedOrganisationName) + " " + site.ExcludedOrganisationContact);

        if (!string.IsNullOrWhiteSpace(where))
        {
            pdf.Paragraph(context.T("Redirect.AskHere"), bold: true);
            pdf.Bullets([context.Rule(where)]);
            pdf.Paragraph(context.T("Redirect.EachProvider"));
        }

        pdf.Paragraph(context.T("Redirect.AlsoOurs", site.OrganisationName));
        Letter.Close(pdf, context);
    }

    private static bool IsExcludedOrganisation(RecordsRequest request, string excluded, string? where) =>
        request.Locations.Contains(RecordsLocation.ExcludedOrganisation)
        || (where?.Contains(excluded, StringComparison.OrdinalIgnoreCase) ?? false);
}
