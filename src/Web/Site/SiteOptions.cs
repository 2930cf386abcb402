namespace BackOffice.Web.Site;

/// <summary>
/// The words and contacts the public pages, letters and messages show, from configuration
/// (<c>BackOffice:Site</c>) so a department changes them without a release.
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "BackOffice:Site";

    public string OrganisationName { get; set; } = "DuPage Medical Group";
    public string DepartmentName { get; set; } = "Medical Records (Record Connect)";
    public string QuestionsPhone { get; set; } = "1-630-873-8748";
    public string QuestionsHours { get; set; } = "Monday through Friday, 8 AM – 5 PM";
    public string PaymentPhone { get; set; } = "(312) 757-5020";
    public string MailingAddress { get; set; } = "Medical Records Department, 1100 W 31st Street, Downers Grove, IL 60515";
    public string PatientPortalName { get; set; } = "MyDMGHealth (MyChart)";
    public string PatientPortalUrl { get; set; } = "https://mydmghealth.example.org";
    public string ExcludedOrganisationName { get; set; } = "Edward-Elmhurst Healthcare";
    public string ExcludedOrganisationContact { get; set; } = "Contact Edward-Elmhurst Healthcare's medical records department directly.";
    public string PickupNote { get; set; } = "For urgent onsite pickup, choose \"Call for pickup by patient or legal representative\". A Record Connect associate will call the patient to schedule it; bring a photo ID.";
    // The landing page's sentences; {Organisation}, {Portal}, {ExcludedOrganisation} are filled in.
    public string? Notice { get; set; }
    public string Intro { get; set; } = "Ask {Organisation} for copies of medical records, or follow a request you have already made. We answer within 30 days.";
    public string OnlineNote { get; set; } = "Fill in and sign the request here, about 10 minutes. You need the patient's details and a photo ID (a phone photo is fine). Asking for your own records is the simplest: no reason or expiry date needed.";
    public string PortalNote { get; set; } = "Much of your record, such as visit notes, test results and medications, may already be in our patient portal, {Portal}.";
    public string OtherFacilityNote { get; set; } = "To have another facility's records sent to {Organisation}, or to get records another facility made, please contact that facility directly.";
    public string ExcludedOrganisationNote { get; set; } = "{Organisation} cannot release records for {ExcludedOrganisation}.";
    public string DeliveryNote { get; set; } = "Records are mailed to the address you give, sent by secure e-mail, or made available on our secure online portal (a link and a one-time code by e-mail).";
    public string FeesNote { get; set; } = "Copies sent directly to another medical provider are free, and so are copies for a veterans' disability, Social Security, SSI or Aid to the Aged, Blind or Disabled claim. Copies of your own records cost at most what it costs us to make them; other requests may have a fee within Illinois and federal law.";
    public string PaymentNote { get; set; } = "If there is a fee, we send an invoice listing each charge. Pay by credit card over the phone or mail a check to the address on the invoice. Cash is not accepted.";

    // Letters and invoices (src/Web/Pdf/Documents).
    /// <summary>Who checks are made payable to; the organisation's name when not set.</summary>
    public string? CheckPayableTo { get; set; }
    public string PayableTo => string.IsNullOrWhiteSpace(CheckPayableTo) ? OrganisationName : CheckPayableTo;
    /// <summary>Who takes privacy complaints and review requests at the department's address (a denial letter names them).</summary>
    public string PrivacyOfficeName { get; set; } = "Privacy Officer";
    public string OcrComplaintContact { get; set; } = "U.S. Department of Health and Human Services, Office for Civil Rights, 200 Independence Avenue, S.W., Washington, D.C. 20201; 1-800-368-1019; www.hhs.gov/ocr/complaints";

    public string Fill(string text) => text
        .Replace("{Organisation}", OrganisationName, StringComparison.Ordinal)
        .Replace("{Portal}", PatientPortalName, StringComparison.Ordinal)
        .Replace("{ExcludedOrganisation}", ExcludedOrganisationName, StringComparison.Ordinal);

    /// <summary>Base address used in links sent by e-mail (the status page, the portal download).</summary>
    public string PublicBaseUrl { get; set; } = DefaultPublicBaseUrl;

    /// <summary>The shipped value: right for a developer's machine only (links in e-mails would point to localhost).</summary>
    public const string DefaultPublicBaseUrl = "http://localhost:5080";
}
