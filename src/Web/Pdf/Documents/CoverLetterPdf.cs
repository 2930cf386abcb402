using System.Globalization;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Pdf.Documents;

/// <summary>
/// The letter that goes in the envelope with mailed records: what is enclosed (scope, dates, page count), that some
/// information was left out when it was (in general words only — naming a category would itself disclose it), the
/// right to ask about that, and the questions line. It says no more about the patient's health than that.
/// </summary>
public static class CoverLetterPdf
{
    public static byte[] Render(LetterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var pdf = new LetterComposer($"Cover letter {context.Request.TrackingNumber}");
        Write(pdf, context);
        return pdf.ToBytes();
    }

    public static void Write(LetterComposer pdf, LetterContext context)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var site = context.Site;
        Letter.Open(pdf, context, Addressee.Recipient(request), "Copies of medical records");
        var asked = request.IsThirdPartyRelease
            ? $"released under the authorization signed by {request.Signature.SignerName} on {context.Written(request.Signature.SignedOn)}"
            : $"requested on {context.Written(request.ReceivedOn)}";
        pdf.Paragraph($"Enclosed are copies of the medical records of {request.Patient.FullName} from {site.OrganisationName}, {asked}.");
        pdf.Bullets(
        [
            "What is enclosed: " + ScopeOf(request.Information),
            "Pages: " + PagesOf(request),
            "Tracking number: " + request.TrackingNumber,
        ]);

        WriteWithheld(pdf, request, site);

        // The notices Illinois and federal law attach to mental-health, HIV and Part 2 records that go out with this release.
        foreach (var notice in AuthorizationForm.RedisclosureNotices.ForRelease(request)) pdf.Paragraph(notice, bold: true);
        if (request.FeeTotal is > 0m)
            pdf.Paragraph("The invoice for these copies, with the payments received, is enclosed.");
        pdf.Paragraph("These records are confidential. Please keep them in a safe place.");
        Letter.Close(pdf, context);
    }

    /// <summary>
    /// Only what was actually left out is mentioned (once the clerk recorded the contents, the withheld categories are
    /// those the records hold). A category the authorization consented to but whose consent could not be used is named
    /// with the reason and how to correct it: the requester asked for it by name. Any other category is not named: that
    /// a patient has HIV, genetic, mental-health or substance-use records is itself protected (410 ILCS 305/9,
    /// 740 ILCS 110, 42 CFR 2.13), and the patient's own choices stay the patient's.
    /// </summary>
    private static void WriteWithheld(LetterComposer pdf, RecordsRequest request, SiteOptions site)
    {
        if (request.WithheldCategories.Count == 0) return;
        var write = $"write to {site.DepartmentName}, {site.MailingAddress}, or call {site.QuestionsPhone}, and give the tracking number";
        var named = new List<string>();
        var general = false;
        for (var i = 0; i < request.WithheldCategories.Count; i++)
        {
            var category = request.WithheldCategories[i];
            if (request.IsThirdPartyRelease && request.ConsentFor(category) is { Granted: true } && i < request.WithheldReasons.Count)
                named.Add($"{CategoryName(category)}: {request.WithheldReasons[i]}");
            else
                general = true;
        }

        if (named.Count > 0)
        {
            pdf.Paragraph("A consent you sent could not be used, so the records it covers were not included; everything else the authorization covers is enclosed:");
            pdf.Bullets(named);
            pdf.Paragraph($"To receive them, send a corrected consent: {write}.");
        }

        if (!general) return;
        pdf.Paragraph(request.IsThirdPartyRelease
            ? "Some information was not included because state or federal law requires a separate, specific consent for it "
                + $"that we did not have. If you believe it should have been included, you may send an authorization that names it specifically, or ask us to review this decision: {write}."
            : $"Information the patient asked us to leave out was not included. To receive it after all, or to ask us to review this decision, {write}.");
    }

    /// <summary>"all records from January 2, 2024 to March 1, 2026" or the record types asked for.</summary>
    public static string ScopeOf(RequestedInformation information)
    {
        ArgumentNullException.ThrowIfNull(information);
        var what = information.AllRecords ? "all records"
            : information.RecordTypes.Count > 0 ? string.Join(", ", information.RecordTypes)
            : information.Description ?? "the records described in the request";
        var range = (information.From, information.To) switch
        {
            (null, null) => "",
            ({ } from, null) => $" from {LetterDay(from)}",
            (null, { } to) => $" up to {LetterDay(to)}",
            ({ } from, { } to) => $" from {LetterDay(from)} to {LetterDay(to)}",
        };
        return what + range;
    }

    private static string PagesOf(RecordsRequest request)
    {
        var pages = request.Pages;
        var parts = new List<string>();
        if (pages.Paper > 0) parts.Add(Count(pages.Paper, "paper page"));
        if (pages.Electronic > 0) parts.Add(Count(pages.Electronic, "page") + " in electronic form");
        if (pages.Microfiche > 0) parts.Add(Count(pages.Microfiche, "microfiche page"));
        if (pages.Film > 0) parts.Add(Count(pages.Film, "film"));
        return parts.Count == 0 ? "none counted" : string.Join(", ", parts);
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string LetterDay(DateOnly day) => DateText.Written(day);

    /// <summary>The category as a requester reads it.</summary>
    public static string CategoryName(SensitiveCategory category) => category switch
    {
        SensitiveCategory.MentalHealth => "Mental health and developmental disabilities records",
        SensitiveCategory.PsychotherapyNotes => "Psychotherapy notes",
        SensitiveCategory.Hiv => "HIV test information",
        SensitiveCategory.Genetic => "Genetic testing information",
        SensitiveCategory.SubstanceUseDisorder => "Substance use disorder program records",
        SensitiveCategory.SexuallyTransmittedInfection => "Care for a sexually transmitted infection",
        _ => "Care the patient consented to alone as a minor",
    };

}
