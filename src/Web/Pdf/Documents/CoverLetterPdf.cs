using System.Globalization;
using BackOffice.Workflows.Requests;

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
        Letter.Open(pdf, context, Addressee.Recipient(request), context.T("Cover.Subject"));
        var asked = request.IsThirdPartyRelease
            ? context.T("Cover.AskedUnderAuthorization", request.Signature.SignerName, context.Written(request.Signature.SignedOn))
            : context.T("Cover.AskedOn", context.Written(request.ReceivedOn));
        pdf.Paragraph(context.T("Cover.Enclosed", request.Patient.FullName, site.OrganisationName, asked));
        pdf.Bullets(
        [
            context.T("Cover.What", ScopeOf(request.Information, context)),
            context.T("Cover.Pages", PagesOf(request, context)),
            context.T("Cover.TrackingNumber", request.TrackingNumber),
        ]);

        WriteWithheld(pdf, context);

        // The notices Illinois and federal law attach to mental-health, HIV and Part 2 records that go out with this release.
        foreach (var notice in AuthorizationForm.RedisclosureNotices.ForRelease(request)) pdf.Paragraph(Notice(notice, context), bold: true);
        if (request.FeeTotal is > 0m)
            pdf.Paragraph(context.T("Cover.InvoiceEnclosed"));
        pdf.Paragraph(context.T("Cover.Confidential"));
        Letter.Close(pdf, context);
    }

    /// <summary>
    /// Only what was actually left out is mentioned (once the clerk recorded the contents, the withheld categories are
    /// those the records hold). A category the authorization consented to but whose consent could not be used is named
    /// with the reason and how to correct it: the requester asked for it by name. Any other category is not named: that
    /// a patient has HIV, genetic, mental-health or substance-use records is itself protected (410 ILCS 305/9,
    /// 740 ILCS 110, 42 CFR 2.13), and the patient's own choices stay the patient's.
    /// </summary>
    private static void WriteWithheld(LetterComposer pdf, LetterContext context)
    {
        var request = context.Request;
        var site = context.Site;
        if (request.WithheldCategories.Count == 0) return;
        var write = context.T("Cover.WriteOrCall", site.DepartmentName, site.MailingAddress, site.QuestionsPhone);
        var named = new List<string>();
        var general = false;
        for (var i = 0; i < request.WithheldCategories.Count; i++)
        {
            var category = request.WithheldCategories[i];
            if (request.IsThirdPartyRelease && request.ConsentFor(category) is { Granted: true } && i < request.WithheldReasons.Count)
                named.Add($"{CategoryName(category, context)}: {context.Rule(request.WithheldReasons[i])}");
            else
                general = true;
        }

        if (named.Count > 0)
        {
            pdf.Paragraph(context.T("Cover.ConsentNotUsable"));
            pdf.Bullets(named);
            pdf.Paragraph(context.T("Cover.SendCorrectedConsent", write));
        }

        if (!general) return;
        pdf.Paragraph(request.IsThirdPartyRelease
            ? context.T("Cover.WithheldNeedsConsent", write)
            : context.T("Cover.WithheldAtPatientsRequest", write));
    }

    /// <summary>"all records from January 2, 2024 to March 1, 2026" or the record types asked for (as the request holds them).</summary>
    private static string ScopeOf(RequestedInformation information, LetterContext context)
    {
        var what = information.AllRecords ? context.T("Cover.AllRecords")
            : information.RecordTypes.Count > 0 ? string.Join(", ", information.RecordTypes)
            : information.Description ?? context.T("Cover.RecordsDescribed");
        var range = (information.From, information.To) switch
        {
            (null, null) => "",
            ({ } from, null) => context.T("Cover.From", context.Written(from)),
            (null, { } to) => context.T("Cover.UpTo", context.Written(to)),
            ({ } from, { } to) => context.T("Cover.FromTo", context.Written(from), context.Written(to)),
        };
        return what + range;
    }

    private static string PagesOf(RecordsRequest request, LetterContext context)
    {
        var pages = request.Pages;
        var parts = new List<string>();
        if (pages.Paper > 0) parts.Add(Count(pages.Paper, "Cover.PaperPages", context));
        if (pages.Electronic > 0) parts.Add(Count(pages.Electronic, "Cover.ElectronicPages", context));
        if (pages.Microfiche > 0) parts.Add(Count(pages.Microfiche, "Cover.MicrofichePages", context));
        if (pages.Film > 0) parts.Add(Count(pages.Film, "Cover.Films", context));
        return parts.Count == 0 ? context.T("Cover.NoneCounted") : string.Join(", ", parts);
    }

    /// <summary>"1 paper page", "40 paper pages": the key's ".One" or ".Many" sentence.</summary>
    private static string Count(int count, string key, LetterContext context) =>
        context.T(key + (count == 1 ? ".One" : ".Many"), count.ToString(CultureInfo.InvariantCulture));

    /// <summary>A redisclosure notice in the letter's language (the law's words in translation; English as written).</summary>
    private static string Notice(string notice, LetterContext context) => notice switch
    {
        AuthorizationForm.RedisclosureNotices.MentalHealth => context.T("Notice.MentalHealth"),
        AuthorizationForm.RedisclosureNotices.Hiv => context.T("Notice.Hiv"),
        AuthorizationForm.RedisclosureNotices.SubstanceUseDisorder => context.T("Notice.SubstanceUseDisorder"),
        _ => notice,
    };

    /// <summary>The category as a requester reads it.</summary>
    private static string CategoryName(SensitiveCategory category, LetterContext context) => context.T("Category." + category switch
    {
        SensitiveCategory.MentalHealth or SensitiveCategory.PsychotherapyNotes or SensitiveCategory.Hiv or SensitiveCategory.Genetic
            or SensitiveCategory.SubstanceUseDisorder or SensitiveCategory.SexuallyTransmittedInfection => category.ToString(),
        _ => nameof(SensitiveCategory.MinorConsentedServices),
    });
}
