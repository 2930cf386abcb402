using System.Globalization;
using BackOffice.Web.AuthorizationForm;
using BackOffice.Web.Localization;
using BackOffice.Web.Pdf.Documents;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;
using BackOffice.Workflows.Time;

namespace BackOffice.Web.Pdf;

/// <summary>
/// The "Authorization for Release of Health Information" form, sections 1–6 with Section 4's delivery choices: blank to
/// print, or filled in from an online request. One language per form, never mixed: the blank form in the language asked
/// for (English or Spanish, the same sections, choices and layout); a filled form in the language the requester used
/// (<see cref="RecordsRequest.Language"/>) — it is the copy of what they read and signed, a legal document, so it
/// reproduces the words they agreed to. The English words are the code's own; the Spanish is in
/// <c>AuthorizationFormPdf.es.resx</c> (keyed by the English, <see cref="Translations"/>), with the sections, record types
/// and notices from the same files as the online request and the letters. What a requester typed is printed as typed.
/// </summary>
public static class AuthorizationFormPdf
{
    private static readonly Translations Words = new(typeof(AuthorizationFormPdf));
    // The notices of the records that need their own consent, as the cover letter words them (LetterWords).
    private static readonly string[] NoticeKeys = ["Notice.MentalHealth", "Notice.Hiv", "Notice.SubstanceUseDisorder"];

    /// <summary>The blank form in <paramref name="language"/> ("en", "es"); <paramref name="site"/> in the same language (<see cref="LocalizedSite"/>).</summary>
    public static byte[] Blank(SiteOptions site, string language) => Render(site, null, RequesterLanguage.Normalize(language));

    /// <summary>The form filled in from <paramref name="request"/>, in the requester's language; <paramref name="site"/> in that language.</summary>
    public static byte[] Filled(SiteOptions site, RecordsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Render(site, request, RequesterLanguage.Normalize(request.Language));
    }

    /// <summary>The form's file name in its language.</summary>
    public static string FileName(string language) => Words.Text("authorization-for-release-of-health-information", SiteLanguages.Culture(language)) + ".pdf";

    private static byte[] Render(SiteOptions site, RecordsRequest? request, string code)
    {
        ArgumentNullException.ThrowIfNull(site);
        // Anything read from the ambient language is read in the form's, whatever page or job renders it.
        using var inLanguage = SiteLanguages.Use(code);
        var language = SiteLanguages.Culture(code);
        string Day(DateOnly? day) => day is not { } value ? ""
            : code == SiteLanguages.English ? value.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture) : DateText.Written(value, language);

        var title = Words.Text("Authorization for Release of Health Information", language);
        using var pdf = new PdfComposer(title);
        pdf.Title(title);
        pdf.Paragraph($"{site.OrganisationName} — {site.DepartmentName}");
        if (request is not null)
            pdf.Note(Words.FormatIn("Tracking number {0}. Filled in from the request made online; the typed e-signature is on file.", language, request.TrackingNumber));
        pdf.Note(Words.Text("Asking for your own records? Section 5's purpose and expiry are optional for you, and no witness is needed unless you release mental health information to someone else.", language));

        var patient = request?.Patient;
        pdf.Heading(FormSections.Heading(FormSection.Patient, language));
        pdf.Field(Words.Text("Patient name", language), patient?.FullName);
        pdf.Field(Words.Text("Former names", language), patient?.FormerNames);
        pdf.Field(Words.Text("Date of birth", language), Day(patient?.DateOfBirth));
        pdf.Field(Words.Text("Medical record number (if known)", language), patient?.MedicalRecordNumber);
        pdf.Field(Words.Text("Address", language), patient?.Address.ToString());
        pdf.Field(Words.Text("Phone", language), patient?.Phone);
        pdf.Field(Words.Text("Another phone", language), patient?.SecondPhone);
        pdf.Field(Words.Text("E-mail", language), patient?.Email);
        pdf.Field(Words.Text("Primary-care doctor or clinic", language), patient?.PrimaryCareProvider);
        pdf.CheckBox(Words.Text("The patient is deceased (the executor, administrator or an authorized relative with a certification signs)", language),
            patient?.IsDeceased ?? false);

        pdf.Heading(FormSections.Heading(FormSection.Release, language));
        pdf.CheckBox(Words.FormatIn("Release records of {0}", language, site.OrganisationName), request?.Locations.Contains(RecordsLocation.MedicalGroup) ?? false);
        pdf.Note(Words.FormatIn("Records of another facility must be requested from that facility. {0} cannot release records of {1}: {2}", language,
            site.OrganisationName, site.ExcludedOrganisationName, site.ExcludedOrganisationContact));
        var recipient = request?.Recipient;
        pdf.Field(Words.Text("Release to (name)", language), recipient?.Name);
        pdf.Field(Words.Text("Organization", language), recipient?.Organisation);
        pdf.Field(Words.Text("Address", language), recipient is { Address.IsComplete: true } ? recipient.Address.ToString() : null);
        pdf.Field(Words.Text("E-mail", language), recipient?.Email);
        pdf.Field(Words.Text("Phone", language), recipient?.Phone);
        pdf.Field(Words.Text("Fax (to reach the recipient; records are not faxed)", language), recipient?.Fax);

        pdf.Heading(FormSections.Heading(FormSection.Information, language));
        var information = request?.Information;
        pdf.Field(Words.Text("Dates of treatment, from", language), Day(information?.From));
        pdf.Field(Words.Text("to", language), Day(information?.To));
        pdf.CheckBox(Words.Text("All records", language), information?.AllRecords ?? false);
        foreach (var type in RequestLabels.RecordTypes)
            pdf.CheckBox(RequestLabels.RecordType(type, language), information?.RecordTypes.Contains(type, StringComparer.OrdinalIgnoreCase) ?? false);
        pdf.Field(Words.Text("Other (describe)", language), information?.Description);
        pdf.Field(Words.Text("Date the records are needed by (if any)", language), Day(information?.NeededBy));
        pdf.Paragraph(Words.Text("The following are released only if you tick and initial each one:", language), bold: true);
        foreach (var (category, text) in SensitiveCategories(language))
        {
            var consent = request?.ConsentFor(category);
            pdf.CheckBox(Words.FormatIn("{0}    Initials: ______", language, text), consent?.Granted ?? false);
        }

        pdf.Field(Words.Text("Witness to mental health consent", language), request?.ConsentFor(SensitiveCategory.MentalHealth)?.WitnessName);
        pdf.Field(Words.Text("Witness date", language), Day(request?.ConsentFor(SensitiveCategory.MentalHealth)?.WitnessedOn));

        pdf.Heading(FormSections.Heading(FormSection.Delivery, language));
        pdf.CheckBox(Words.Text("Mail to the address above", language), request?.Delivery == DeliveryMethod.Mail);
        pdf.CheckBox(Words.Text("Secure e-mail (we e-mail a secure download link; online you may choose a passphrase for an encrypted file instead)", language),
            request?.Delivery == DeliveryMethod.SecureEmail);
        pdf.CheckBox(Words.Text("Unencrypted e-mail — your own records only; e-mail that is not encrypted can be read by others. I accept this risk: ______ (initials)", language),
            request?.Delivery == DeliveryMethod.UnencryptedEmail);
        pdf.CheckBox(Words.Text("Secure online portal (a link and a one-time code are e-mailed)", language), request?.Delivery == DeliveryMethod.Portal);
        pdf.CheckBox(Words.Text("Call for pickup by patient or legal representative — an associate will call the patient to schedule an onsite pickup; bring a photo ID", language),
            request?.Delivery == DeliveryMethod.Pickup);
        pdf.Field(Words.Text("Person who will pick up (shows a photo ID)", language), recipient?.PickupBy);
        pdf.CheckBox(Words.Text("Paper copies", language), request?.Format == RecordFormat.Paper, indent: 0);
        pdf.CheckBox(Words.Text("Electronic copies", language), request?.Format == RecordFormat.Electronic, indent: 0);

        pdf.Heading(FormSections.Heading(FormSection.Purpose, language));
        pdf.Field(Words.Text("Purpose", language), request is null ? null : request.PurposeDetail ?? PurposeWords(request.Purpose, code));
        pdf.Note(Words.Text("Copies for a veterans' disability, Social Security, SSI or Aid to the Aged, Blind or Disabled claim are free: say so here.", language));
        pdf.Field(Words.Text("This authorization expires on (date or event)", language), request?.ExpiresOn is { } expires ? Day(expires) : request?.ExpiryEvent);

        pdf.Heading(FormSections.Heading(FormSection.Signature, language));
        pdf.Note(Words.Text("I understand that I may revoke this authorization in writing at any time, except where action was already taken on it; that treatment, payment, enrollment or eligibility will not be conditioned on my signing it; and that information disclosed may be re-disclosed by the recipient and no longer protected by federal privacy law.", language));
        // The same notices, in the same words, as the cover letter that goes with such records.
        var notices = string.Join(' ', NoticeKeys.Select(key => LetterWords.Shipped.Get(code, key)));
        pdf.Note(Words.FormatIn("Records that need their own consent carry their own notice to the recipient: {0}", language, notices));
        var signature = request?.Signature;
        pdf.Field(Words.Text("Signature", language),
            signature?.ElectronicSignature is { } typed ? Words.FormatIn("/s/ {0} (signed electronically)", language, typed) : null);
        pdf.Field(Words.Text("Date", language), signature is null ? null : Day(signature.SignedOn));
        pdf.Field(Words.Text("Printed name", language), signature?.SignerName);
        pdf.Field(Words.Text("If not the patient: relationship and authority", language),
            signature?.SignerRelationship is { } capacity ? RequestLabels.SignerRelationship(capacity, language) : request?.Requester.AuthorityDescription);

        pdf.Heading(Words.Text("Where to send this form", language));
        pdf.Paragraph(Words.FormatIn("Mail it to {0}.", language, site.MailingAddress));
        pdf.Paragraph(Words.FormatIn("Questions: {0}, {1}. Fees, if any, are invoiced; pay by credit card by phone at {2} or by mailed check. Cash is not accepted.", language,
            site.QuestionsPhone, site.QuestionsHours, site.PaymentPhone));
        return pdf.ToBytes();
    }

    // The categories released only with their own consent, each with the law that protects it.
    private static (SensitiveCategory Category, string Text)[] SensitiveCategories(CultureInfo language) =>
    [
        (SensitiveCategory.MentalHealth, Words.Text("Mental health and developmental disabilities information (740 ILCS 110) — must be witnessed below", language)),
        (SensitiveCategory.PsychotherapyNotes, Words.Text("Psychotherapy notes (a separate authorization; not part of the general record)", language)),
        (SensitiveCategory.Hiv, Words.Text("HIV/AIDS test information (410 ILCS 305)", language)),
        (SensitiveCategory.Genetic, Words.Text("Genetic testing information (410 ILCS 513)", language)),
        (SensitiveCategory.SubstanceUseDisorder, Words.Text("Substance use disorder treatment records (42 CFR Part 2)", language)),
        (SensitiveCategory.MinorConsentedServices, Words.Text("Services a minor consented to on their own (410 ILCS 210)", language)),
    ];

    // English keeps the staff's plain words; another language the online request's words for the same choice.
    private static string PurposeWords(RequestPurpose purpose, string code) =>
        code == SiteLanguages.English ? Labels.PlainWords.Of(purpose) : RequestLabels.Purpose(purpose, SiteLanguages.Culture(code));
}
