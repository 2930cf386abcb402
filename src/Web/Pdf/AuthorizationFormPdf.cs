using BackOffice.Web.AuthorizationForm;
using System.Globalization;
using BackOffice.Web.Site;
using BackOffice.Workflows.Requests;

namespace BackOffice.Web.Pdf;

/// <summary>
/// The "Authorization for Release of Health Information" form, sections 1–6 with Section 4's delivery
/// choices: blank to print, or filled in from an online request.
/// </summary>
public static class AuthorizationFormPdf
{
    private static readonly (SensitiveCategory Category, string Text)[] SensitiveCategories =
    [
        (SensitiveCategory.MentalHealth, "Mental health and developmental disabilities information (740 ILCS 110) — must be witnessed below"),
        (SensitiveCategory.PsychotherapyNotes, "Psychotherapy notes (a separate authorization; not part of the general record)"),
        (SensitiveCategory.Hiv, "HIV/AIDS test information (410 ILCS 305)"),
        (SensitiveCategory.Genetic, "Genetic testing information (410 ILCS 513)"),
        (SensitiveCategory.SubstanceUseDisorder, "Substance use disorder treatment records (42 CFR Part 2)"),
        (SensitiveCategory.MinorConsentedServices, "Services a minor consented to on their own (410 ILCS 210)"),
    ];

    public static byte[] Render(SiteOptions site, RecordsRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var pdf = new PdfComposer("Authorization for Release of Health Information");
        pdf.Title("Authorization for Release of Health Information");
        pdf.Paragraph($"{site.OrganisationName} — {site.DepartmentName}");
        if (request is not null) pdf.Note($"Tracking number {request.TrackingNumber}. Filled in from the request made online; the typed e-signature is on file.");
        pdf.Note("Asking for your own records? Section 5's purpose and expiry are optional for you, and no witness is needed unless you release mental health information to someone else.");

        var patient = request?.Patient;
        pdf.Heading(FormSections.Heading(FormSection.Patient));
        pdf.Field("Patient name", patient?.FullName);
        pdf.Field("Former names", patient?.FormerNames);
        pdf.Field("Date of birth", patient?.DateOfBirth.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));
        pdf.Field("Medical record number (if known)", patient?.MedicalRecordNumber);
        pdf.Field("Address", patient?.Address.ToString());
        pdf.Field("Phone", patient?.Phone);
        pdf.Field("Another phone", patient?.SecondPhone);
        pdf.Field("E-mail", patient?.Email);
        pdf.Field("Primary-care doctor or clinic", patient?.PrimaryCareProvider);
        pdf.CheckBox("The patient is deceased (the executor, administrator or an authorized relative with a certification signs)", patient?.IsDeceased ?? false);

        pdf.Heading(FormSections.Heading(FormSection.Release));
        pdf.CheckBox($"Release records of {site.OrganisationName}", request?.Locations.Contains(RecordsLocation.MedicalGroup) ?? false);
        pdf.Note($"Records of another facility must be requested from that facility. {site.OrganisationName} cannot release records of {site.ExcludedOrganisationName}: {site.ExcludedOrganisationContact}");
        var recipient = request?.Recipient;
        pdf.Field("Release to (name)", recipient?.Name);
        pdf.Field("Organisation", recipient?.Organisation);
        pdf.Field("Address", recipient is { Address.IsComplete: true } ? recipient.Address.ToString() : null);
        pdf.Field("E-mail", recipient?.Email);
        pdf.Field("Phone", recipient?.Phone);
        pdf.Field("Fax (to reach the recipient; records are not faxed)", recipient?.Fax);

        pdf.Heading(FormSections.Heading(FormSection.Information));
        var information = request?.Information;
        pdf.Field("Dates of treatment, from", information?.From?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));
        pdf.Field("to", information?.To?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));
        pdf.CheckBox("All records", information?.AllRecords ?? false);
        foreach (var type in RequestLabels.RecordTypes)
            pdf.CheckBox(type, information?.RecordTypes.Contains(type, StringComparer.OrdinalIgnoreCase) ?? false);
        pdf.Field("Other (describe)", information?.Description);
        pdf.Field("Date the records are needed by (if any)", information?.NeededBy?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));
        pdf.Paragraph("The following are released only if you tick and initial each one:", bold: true);
        foreach (var (category, text) in SensitiveCategories)
        {
            var consent = request?.ConsentFor(category);
            pdf.CheckBox($"{text}    Initials: ______", consent?.Granted ?? false);
        }

        pdf.Field("Witness to mental health consent", request?.ConsentFor(SensitiveCategory.MentalHealth)?.WitnessName);
        pdf.Field("Witness date", request?.ConsentFor(SensitiveCategory.MentalHealth)?.WitnessedOn?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));

        pdf.Heading(FormSections.Heading(FormSection.Delivery));
        pdf.CheckBox("Mail to the address above", request?.Delivery == DeliveryMethod.Mail);
        pdf.CheckBox("Secure e-mail (we e-mail a secure download link; online you may choose a passphrase for an encrypted file instead)",
            request?.Delivery == DeliveryMethod.SecureEmail);
        pdf.CheckBox("Unencrypted e-mail — your own records only; e-mail that is not encrypted can be read by others. I accept this risk: ______ (initials)",
            request?.Delivery == DeliveryMethod.UnencryptedEmail);
        pdf.CheckBox("Secure online portal (a link and a one-time code are e-mailed)", request?.Delivery == DeliveryMethod.Portal);
        pdf.CheckBox("Call for pickup by patient or legal representative — an associate will call the patient to schedule an onsite pickup; bring a photo ID", request?.Delivery == DeliveryMethod.Pickup);
        pdf.Field("Person who will pick up (shows a photo ID)", recipient?.PickupBy);
        pdf.CheckBox("Paper copies", request?.Format == RecordFormat.Paper, indent: 0);
        pdf.CheckBox("Electronic copies", request?.Format == RecordFormat.Electronic, indent: 0);

        pdf.Heading(FormSections.Heading(FormSection.Purpose));
        pdf.Field("Purpose", request is null ? null : request.PurposeDetail ?? Labels.PlainWords.Of(request.Purpose));
        pdf.Note("Copies for a veterans' disability, Social Security, SSI or Aid to the Aged, Blind or Disabled claim are free: say so here.");
        pdf.Field("This authorization expires on (date or event)", request?.ExpiresOn?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture) ?? request?.ExpiryEvent);

        pdf.Heading(FormSections.Heading(FormSection.Signature));
        pdf.Note("I understand that I may revoke this authorization in writing at any time, except where action was already taken on it; that treatment, payment, enrollment or eligibility will not be conditioned on my signing it; and that information disclosed may be re-disclosed by the recipient and no longer protected by federal privacy law.");
        pdf.Note("Records that need their own consent carry their own notice to the recipient: " + BackOffice.Web.AuthorizationForm.RedisclosureNotices.MentalHealth
            + " " + BackOffice.Web.AuthorizationForm.RedisclosureNotices.Hiv + " " + BackOffice.Web.AuthorizationForm.RedisclosureNotices.SubstanceUseDisorder);
        var signature = request?.Signature;
        pdf.Field("Signature", signature?.ElectronicSignature is { } typed ? $"/s/ {typed} (signed electronically)" : null);
        pdf.Field("Date", signature?.SignedOn.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture));
        pdf.Field("Printed name", signature?.SignerName);
        pdf.Field("If not the patient: relationship and authority", signature?.SignerRelationship ?? request?.Requester.AuthorityDescription);

        pdf.Heading("Where to send this form");
        pdf.Paragraph($"Mail it to {site.MailingAddress}.");
        pdf.Paragraph($"Questions: {site.QuestionsPhone}, {site.QuestionsHours}. Fees, if any, are invoiced; pay by credit card by phone at {site.PaymentPhone} or by mailed check. Cash is not accepted.");
        return pdf.ToBytes();
    }
}
