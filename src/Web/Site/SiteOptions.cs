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
    /// <summary>Base address used in links sent by e-mail (the status page, the portal download).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
