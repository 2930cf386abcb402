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
        Letter.Open(pdf, context, Addressee.Requester(request), "Where to ask for these records");
        pdf.Paragraph($"We received the request for the medical records of {request.Patient.FullName} on {context.Written(request.ReceivedOn)}. "
            + $"The records asked for are not held by {site.OrganisationName}, so we cannot send them, and we have closed this request.");
        var where = request.RedirectTo ?? request.OtherFacilityName;
        if (IsExcludedOrganisation(request, site.ExcludedOrganisationName, where))
        {
            pdf.Paragraph($"{site.OrganisationName} cannot release records of {site.ExcludedOrganisationName} locations. "
                + site.ExcludedOrganisationContact);
        }

        if (!string.IsNullOrWhiteSpace(where))
        {
            pdf.Paragraph("Please ask here instead:", bold: true);
            pdf.Bullets([where]);
            pdf.Paragraph("Each provider releases only the records it made, so please send your request to them directly. "
                + "Your authorization can be used there if it names them as the ones who may disclose the records.");
        }

        pdf.Paragraph($"If you also need records of {site.OrganisationName}, send a new request that names us. There is no charge for this letter.");
        Letter.Close(pdf, context);
    }

    private static bool IsExcludedOrganisation(RecordsRequest request, string excluded, string? where) =>
        request.Locations.Contains(RecordsLocation.ExcludedOrganisation)
        || (where?.Contains(excluded, StringComparison.OrdinalIgnoreCase) ?? false);
}
